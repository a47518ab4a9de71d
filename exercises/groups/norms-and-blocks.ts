import type { Exercise } from "../../lib/grading/exercise-definition";
import attentionHeadOutput from "../attention-head-output";
import causalMaskRow from "../causal-mask-row";
import layernormByHand from "../layernorm-by-hand";
import residualPrenormBlock from "../residual-prenorm-block";
import rmsnormByHand from "../rmsnorm-by-hand";
import scaledDotProductAttention from "../scaled-dot-product-attention";

export const normsAndBlocks: Exercise[] = [layernormByHand, rmsnormByHand, residualPrenormBlock, causalMaskRow, attentionHeadOutput, scaledDotProductAttention];
