// The lab catalogue: every hands-on lab, one file each in this folder.
import type { Lab } from "../../lib/labs/define-lab";
import causalAttention from "./causal-attention";
import gqaAttention from "./gqa-attention";
import kvCacheDecode from "./kv-cache-decode";
import layernormForward from "./layernorm-forward";
import prenormBlockLayernormGelu from "./prenorm-block-layernorm-gelu";
import prenormBlockRmsnormSwiglu from "./prenorm-block-rmsnorm-swiglu";

export const LABS: readonly Lab[] = [layernormForward, causalAttention, gqaAttention, prenormBlockLayernormGelu, prenormBlockRmsnormSwiglu, kvCacheDecode];
