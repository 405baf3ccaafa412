import { createHash } from "node:crypto";
import { makeDocument } from "./dist/core/document.js";
import { analyse, openDocument } from "./dist/core/pipeline.js";
import { analysisDigest } from "./dist/core/digest.js";
import { synthetic } from "./dist-bench-gen.mjs";
