import { z } from 'zod';

const uuid = z.uuid();

/** Ids in the database are UUIDs; anything else cannot name a row, so lookups answer "not found" early. */
export const isUuid = (value: string) => uuid.safeParse(value).success;
