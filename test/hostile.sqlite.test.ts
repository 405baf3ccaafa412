import { hostileSuite } from "./hostile.js";
import { SQLITE } from "./hostile-kit.js";
import { propertySuite } from "./tlp-property.js";

hostileSuite(SQLITE);
propertySuite(SQLITE);
