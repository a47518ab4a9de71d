// The app's catalogue, built once: every authored exercise, drawing prompt and lab.
// Route handlers, pages, scripts and tests import it and hand it to lib/.
import { createCatalogue } from "../lib/catalogue/catalogue";
import { DRAWING_PROMPTS } from "./drawings";
import { EXERCISES } from "./index";
import { LABS } from "./labs";

export const catalogue = createCatalogue({ exercises: EXERCISES, drawings: DRAWING_PROMPTS, labs: LABS });
