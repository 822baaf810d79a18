import { EXIT } from "../cli-io.js";
import { type Command, COMMON_FLAGS } from "../command.js";

/** `ag2-eval pairwise`: not available yet (waits for runPairwise in @ag2/eval). */
export const pairwiseCommand: Command = {
  name: "pairwise",
  usage: "ag2-eval pairwise",
  summary: "Not available yet in this build.",
  maxPositionals: 0,
  flags: { ...COMMON_FLAGS },
  async run({ io }) {
    io.stderr.write("ag2-eval pairwise: not available yet (use runPairwise from @ag2/eval in a script meanwhile)\n");
    return EXIT.failed;
  },
};
