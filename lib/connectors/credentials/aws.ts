import { z } from 'zod';
import { blankAsUndefined, defineCredentialType } from './define-credential-type';

/** An AWS access key, for the Textract node (and any AWS service a node signs requests to). */
export const awsCredential = defineCredentialType({
  type: 'aws',
  label: 'AWS access key',
  schema: z.object({
    accessKeyId: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{16,128}$/, 'accessKeyId must be an AWS access key id (AKIA…), capital letters and digits'),
    secretAccessKey: z.string().trim().min(1, 'secretAccessKey is empty: paste the secret of the access key'),
    region: z
      .string()
      .trim()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'region must be an AWS region name such as us-east-1'),
    // Another endpoint: a VPC endpoint, a FIPS endpoint or a service that speaks the same API.
    endpoint: z.preprocess(
      blankAsUndefined,
      z
        .url({ protocol: /^https?$/, error: 'endpoint must be an http(s) URL' })
        .transform((url) => url.replace(/\/+$/, ''))
        .optional(),
    ),
  }),
  secretFields: ['secretAccessKey'],
});
