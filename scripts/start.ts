// npm start — the production build (npm run build first) on an embedded Postgres (or DATABASE_URL).
import { serve } from "./support/serve";

await serve("start");
