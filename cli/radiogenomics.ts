#!/usr/bin/env node
// The command-line entry point and composition root.
import { Command } from "commander";
import { PlatformError } from "../compute/errors.js";
import { apiKeyCommand } from "./commands/api-key.command.js";
import { composeCommand } from "./commands/compose.command.js";
import { computeCommand } from "./commands/compute.command.js";
import { demoCommand } from "./commands/demo.command.js";
import { exportCommand } from "./commands/export.command.js";
import { harmoniseCommand } from "./commands/harmonise.command.js";
import { gatewayCommand } from "./commands/gateway.command.js";
import { ingestCommand } from "./commands/ingest.command.js";
import { serveCommand } from "./commands/serve.command.js";
import { statusCommand } from "./commands/status.command.js";
import { survivalCommand } from "./commands/survival.command.js";
import { workerCommand } from "./commands/worker.command.js";
import { createLogger } from "./logger.js";

const logger = createLogger();
const program = new Command()
  .name("radiogenomics")
  .description(
    "Link TCIA/IDC cancer imaging with TCGA genomics in one graph and query it over GraphQL.\n" +
      "Start here:  radiogenomics serve --demo   then open http://127.0.0.1:4000/graphql",
  )
  .showHelpAfterError();

serveCommand(program, logger);
demoCommand(program, logger);
ingestCommand(program, logger);
computeCommand(program, logger);
statusCommand(program);
apiKeyCommand(program);
exportCommand(program);
harmoniseCommand(program);
survivalCommand(program);
gatewayCommand(program, logger);
composeCommand(program);
workerCommand(program, logger);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof PlatformError) {
    process.stderr.write(`radiogenomics: ${error.message}\n`);
    logger.debug({ err: error }, "command failed");
  } else {
    logger.error({ err: error }, "command failed unexpectedly");
    process.stderr.write(`radiogenomics: unexpected error: ${(error as Error)?.message ?? error}\n`);
  }
  process.exit(1);
});
