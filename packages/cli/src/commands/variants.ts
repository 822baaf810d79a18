import { EXIT } from "../cli-io.js";
import { type Command, COMMON_FLAGS } from "../command.js";

/** `ag2-eval variants`: not available yet (waits for runVariants in @ag2/eval). */
export const variantsCommand: Command = {
  name: "variants",
  usage: "ag2-eval variants",
  summary: "Not available yet in this build.",
  maxPositionals: 0,
  flags: { ...COMMON_FLAGS },
  async run({ io }) {
    io.stderr.write("ag2-eval variants: not available yet (use runVariants from @ag2/eval in a script meanwhile)\n");
    return EXIT.failed;
  },
};
