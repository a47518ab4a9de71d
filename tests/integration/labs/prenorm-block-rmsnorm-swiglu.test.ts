// Every check of the lab suite for prenorm-block-rmsnorm-swiglu.
import { describeLab } from "./lab-suite";

describeLab("prenorm-block-rmsnorm-swiglu");
