import type { Exercise } from "../../lib/grading/exercise-definition";
import alibiBiasRow from "../alibi-bias-row";
import attentionFfnFlopCrossover from "../attention-ffn-flop-crossover";
import kvCacheDecodeWork from "../kv-cache-decode-work";
import kvCacheGqaBytes from "../kv-cache-gqa-bytes";
import parameterCounts from "../parameter-counts";
import residualGradientChain from "../residual-gradient-chain";
import ropeRotation from "../rope-rotation";
import sinusoidalPeValue from "../sinusoidal-pe-value";
import slidingWindowVisibility from "../sliding-window-visibility";

export const memoryAndPositions: Exercise[] = [
  kvCacheGqaBytes,
  kvCacheDecodeWork,
  parameterCounts,
  attentionFfnFlopCrossover,
  slidingWindowVisibility,
  ropeRotation,
  alibiBiasRow,
  sinusoidalPeValue,
  residualGradientChain,
];
