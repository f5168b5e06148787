/**
 * The shipped default prior: grammar weights learned by `npm run train-prior` (scripts/train-prior.ts) from public
 * training data only; prior.json records which files (with hashes) it used.
 */
import data from "./prior.json" with { type: "json" };
import { weightsFromJson, type WeightsJson } from "./weights.js";

export const DEFAULT_PRIOR = weightsFromJson(data as unknown as WeightsJson);

/** Where the prior came from (files, hashes, counts), for reports. */
export const PRIOR_PROVENANCE: unknown = (data as { provenance?: unknown }).provenance;
