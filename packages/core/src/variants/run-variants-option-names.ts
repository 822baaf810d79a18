import type { OptionNames } from "../errors/check-option-names.js";
import { RUN_AGENT_OPTION_NAMES } from "../run/run-agent-option-names.js";
import type { RunVariantsOptions } from "./run-variants.js";

const {
  agent,
  variant,
  resume,
  resumeJournal,
  allowAgentChange,
  invocation,
  ...sharedWithVariants
} = RUN_AGENT_OPTION_NAMES;

/** The options `runVariants` takes. */
export const RUN_VARIANTS_OPTION_NAMES: OptionNames<RunVariantsOptions> = {
  ...sharedWithVariants,
  variants: true,
};
