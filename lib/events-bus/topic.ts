import { z } from 'zod';

// A topic is part of a URL path (POST /api/events/:topic) and a subscription's exact match:
// lower case, no spaces or slashes, so "invoice.received" is never also "Invoice.Received".
const TOPIC_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** An event topic, refused with a message naming `field` (topic in the API, config.topic in a node). */
export const topicSchema = (field = 'topic') =>
  z
    .string({ error: `${field} must be text` })
    .regex(
      TOPIC_PATTERN,
      `${field} must be 1 to 100 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit (such as "invoice.received")`,
    );
