/** 健康检查: the server answers and which database engine it runs on. */
import { z } from 'zod';

export const healthSchema = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });
export type Health = z.output<typeof healthSchema>;
