import { Command } from 'commander';
import { AccessPoint, loadAccessPointConfig, simulatorReader } from '@sidbox/access';
import { ConfigError } from '@sidbox/protocol/config-file';
import { createLogger } from '@sidbox/runtime';
import { untilSignal } from '../until-signal.js';
import { UsageError } from '../usage-error.js';
import { simulatorTriggers } from './triggers.js';

async function loadOrExplain(file: string) {
  try {
    return await loadAccessPointConfig(file);
  } catch (error) {
    if (error instanceof ConfigError)
      throw new UsageError(`${file}: configuration has problems:\n${error.message}`);
    throw error;
  }
}

/**
 * `sidbox access`: the door access point. A card on the configured reader starts an attempt;
 * with the "Simulator" reader, Enter on stdin or SIGUSR1 does ("card presented").
 */
export function accessCommand(): Command {
  return new Command('access')
    .description(
      'run a door access point: eID pseudonym → hub decision (or the signed allowlist) → actuator',
    )
    .option('--config <file>', 'the access point YAML configuration')
    .addHelpText(
      'after',
      `\nWith reader "${simulatorReader}" (tests, demos) there is no card to put down: each line on\nstdin (Enter) or a SIGUSR1 presents the simulated card.`,
    )
    .action(async (o: { config?: string }) => {
      if (o.config === undefined) throw new UsageError('--config <file> is required');
      const config = await loadOrExplain(o.config);
      const logger = createLogger('access');
      const point = await AccessPoint.start(config, logger);
      const stopTriggers =
        config.reader.name === simulatorReader
          ? simulatorTriggers(process.stdin, (source) => {
              logger.info({ event: 'presented', source }, 'simulated card presented');
              void point.present();
            })
          : () => undefined;
      logger.info(
        { event: 'ready', reader: config.reader.name, actuator: config.actuator.kind },
        'access point ready',
      );
      await untilSignal(async () => {
        stopTriggers();
        await point.stop();
      });
    });
}
