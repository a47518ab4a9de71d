// Every check of the lab suite for prenorm-block-layernorm-gelu.
import { describeLab } from "./lab-suite";

describeLab("prenorm-block-layernorm-gelu");
