// Every check of the lab suite for causal-attention.
import { describeLab } from "./lab-suite";

describeLab("causal-attention");
