// Every check of the lab suite for kv-cache-decode.
import { describeLab } from "./lab-suite";

describeLab("kv-cache-decode");
