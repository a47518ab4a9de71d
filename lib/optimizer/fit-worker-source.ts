// The worker thread that builds the binding's items, fits new weights and
// measures them against the weights in use, as source text for
// `new Worker(source, { eval: true })`. Plain CommonJS, so no bundler or
// TypeScript loader has to find a worker file at run time; the binding is
// resolved from the working directory (the project root, where `npm start`
// and the tests run).
//
// The measure is the binding's time-series evaluation: the items (in time
// order) are cut into 6 equal parts and, 5 times over, weights are fitted on
// the parts before one part and predict that part; log loss and RMSE (in
// bins) are computed over all those predictions together. The weights in use
// predict the same later parts (everything after the first sixth), so both
// figures are measured on the same reviews. The fit on every item and the
// evaluation run side by side: each is an async task on libuv's pool.

/** What the worker is given: the packed training set (see `packTrainingSet`), the weights in use ([] = defaults) and the fit options. */
export type FitWorkerData = {
  ratings: Uint8Array;
  deltas: Int32Array;
  bounds: Int32Array;
  currentWeights: number[];
  options: { enableShortTerm: boolean; numRelearningSteps: number };
};

/** Log loss and RMSE (bins) of one set of weights' predictions. */
export type FitMetrics = { logLoss: number; rmse: number };

/** The worker's one message. */
export type FitWorkerReply = { weights: number[]; before: FitMetrics; after: FitMetrics } | { error: string };

/** Parts the time-series evaluation cuts the items into (fsrs-rs: 5 splits, so 6 parts). */
export const TIME_SERIES_PARTS = 6;

export const FIT_WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { FSRSBinding, FSRSBindingItem, FSRSBindingReview, computeParameters, evaluateWithTimeSeriesSplits } = require("@open-spaced-repetition/binding");
const { ratings, deltas, bounds, currentWeights, options } = workerData;
const items = [];
for (let i = 0; i < bounds.length; i += 2) {
  const reviews = [];
  for (let j = bounds[i]; j < bounds[i + 1]; j += 1) reviews.push(new FSRSBindingReview(ratings[j], deltas[j]));
  items.push(new FSRSBindingItem(reviews));
}
const metrics = (m) => ({ logLoss: m.logLoss, rmse: m.rmseBins });
Promise.all([computeParameters(items, options), evaluateWithTimeSeriesSplits(items, options)])
  .then(([weights, after]) => {
    const model = currentWeights.length > 0 ? new FSRSBinding(currentWeights) : new FSRSBinding();
    const later = items.slice(Math.floor(items.length / ${TIME_SERIES_PARTS}));
    parentPort.postMessage({ weights: Array.from(weights), before: metrics(model.evaluate(later)), after: metrics(after) });
  })
  .catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;
