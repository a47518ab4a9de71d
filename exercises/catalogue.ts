// The app's catalogue, built once: every authored exercise and drawing prompt.
// Route handlers, pages, scripts and tests import it and hand it to lib/.
import { createCatalogue } from "../lib/catalogue/catalogue";
import { DRAWING_PROMPTS } from "./drawings";
import { EXERCISES } from "./index";

export const catalogue = createCatalogue({ exercises: EXERCISES, drawings: DRAWING_PROMPTS });
