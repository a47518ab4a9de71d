// Every check of the lab suite for gqa-attention.
import { describeLab } from "./lab-suite";

describeLab("gqa-attention");
