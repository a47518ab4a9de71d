// npm run dev — the app on an embedded Postgres (or DATABASE_URL), migrated and seeded.
import { serve } from "./support/serve";

await serve("dev");
