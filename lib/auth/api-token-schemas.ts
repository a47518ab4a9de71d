import { z } from "zod";
import { textSchema } from "../http/text-schema";

export const ApiTokenPostBodySchema = z.object({ name: textSchema(80).trim().min(1).describe("A label to tell tokens apart, e.g. 'laptop CLI'.") }).strict();

export const ApiTokenIdParamsSchema = z.object({ id: z.uuid() });
