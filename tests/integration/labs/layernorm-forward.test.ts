// Every check of the lab suite for layernorm-forward.
import { describeLab } from "./lab-suite";

describeLab("layernorm-forward");
