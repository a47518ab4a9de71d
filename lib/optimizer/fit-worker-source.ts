// The worker thread that builds the binding's items and runs the fit, as
// source text for `new Worker(source, { eval: true })`. Plain CommonJS, so no
// bundler or TypeScript loader has to find a worker file at run time; the
// binding is resolved from the working directory (the project root, where
// `npm start` and the tests run).

/** What the worker is given: the packed training set (see `packTrainingSet`) and the fit options. */
export type FitWorkerData = {
  ratings: Uint8Array;
  deltas: Int32Array;
  bounds: Int32Array;
  options: { enableShortTerm: boolean; numRelearningSteps: number };
};

/** The worker's one message. */
export type FitWorkerReply = { weights: number[] } | { error: string };

export const FIT_WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { FSRSBindingItem, FSRSBindingReview, computeParameters } = require("@open-spaced-repetition/binding");
const { ratings, deltas, bounds, options } = workerData;
const items = [];
for (let i = 0; i < bounds.length; i += 2) {
  const reviews = [];
  for (let j = bounds[i]; j < bounds[i + 1]; j += 1) reviews.push(new FSRSBindingReview(ratings[j], deltas[j]));
  items.push(new FSRSBindingItem(reviews));
}
computeParameters(items, options).then(
  (weights) => parentPort.postMessage({ weights: Array.from(weights) }),
  (error) => parentPort.postMessage({ error: String((error && error.message) || error) }),
);
`;
