import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import {
  ControlRequest,
  DevicesData,
  ScreenshotData,
  TerminalInput,
  TerminalStatus,
  type ControlReply,
} from '@sidbox/protocol';
import { defaultCtlSocketPath, sendControlRequest } from '@sidbox/terminal/operator';
import { emit } from '../output.js';
import { UsageError } from '../usage-error.js';

/** The daemon answered, but with an error: its stable code and message, exit 1. */
class DaemonRefusedError extends Error {
  override name = 'DaemonRefusedError';
}

interface SocketOption {
  ctlSocket: string;
}

async function ask(options: SocketOption, request: ControlRequest): Promise<unknown> {
  const reply: ControlReply = await sendControlRequest(options.ctlSocket, request);
  if (!reply.ok) throw new DaemonRefusedError(`${reply.error.code}: ${reply.error.message}`);
  return reply.data;
}

function withSocket(command: Command): Command {
  return command.option(
    '--ctl-socket <path>',
    'control socket of the terminal daemon',
    defaultCtlSocketPath(),
  );
}

function describeStatus(status: TerminalStatus): string {
  const eid = status.eid.workflow ? `${status.eid.workflow}/${status.eid.step}` : '-';
  return [
    `state:    ${status.state}${status.training ? ' (training)' : ''}`,
    `session:  ${status.sessionId ?? '-'}`,
    `since:    ${status.since}`,
    `url:      ${status.url}`,
    `eid:      ${eid}`,
    `blocked:  ${status.blockedNavigations}`,
    ...(status.browser.policyEnforced
      ? []
      : ['browser:  no managed policy, request interception only (see the daemon log)']),
    ...(status.devices.matFallback ? ['mat:      unplugged, idle timeout only'] : []),
    ...(status.devices.readerMissing ? ['reader:   no card reader'] : []),
    ...(status.devices.staffMenuRequested ? ['staff:    staff menu requested'] : []),
  ].join('\n');
}

function describeDevices(summary: DevicesData): string {
  if (summary.devices.length === 0) return 'no devices configured';
  const lines = summary.devices.map((d) => {
    const detail = Object.entries(d.detail ?? {})
      .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`)
      .join(' ');
    return `${d.device.padEnd(16)} ${d.kind.padEnd(11)} ${d.status.padEnd(11)} ${detail}`.trimEnd();
  });
  if (summary.matFallback) lines.push('contact mat missing: sessions end by idle timeout only');
  return lines.join('\n');
}

/** `sidbox ctl …`: drive a running terminal daemon over its control socket. */
export function ctlCommand(): Command {
  const ctl = new Command('ctl').description('drive a running terminal daemon (control socket)');

  ctl.addCommand(
    withSocket(new Command('status'))
      .description('state, session, page and eID step of the terminal')
      .option('--json', 'print JSON')
      .action(async (options: SocketOption & { json?: boolean }) => {
        const status = TerminalStatus.parse(await ask(options, { cmd: 'status' }));
        emit(options.json === true, status, () => describeStatus(status));
      }),
  );

  ctl.addCommand(
    withSocket(new Command('devices'))
      .description(
        'every configured device (mat, reset button, reader, printer, scanner) and its state',
      )
      .option('--json', 'print JSON')
      .action(async (options: SocketOption & { json?: boolean }) => {
        const summary = DevicesData.parse(await ask(options, { cmd: 'devices' }));
        emit(options.json === true, summary, () => describeDevices(summary));
      }),
  );

  ctl.addCommand(
    withSocket(new Command('session'))
      .description('start or end the citizen session')
      .argument('<action>', 'start | end')
      .action(async (action: string, options: SocketOption) => {
        if (action !== 'start' && action !== 'end') {
          throw new UsageError(`session: expected start or end, got "${action}"`);
        }
        const status = TerminalStatus.parse(await ask(options, { cmd: 'session', action }));
        process.stdout.write(`${status.state}\n`);
      }),
  );

  ctl.addCommand(
    withSocket(new Command('open'))
      .description('open a configured service in the kiosk browser')
      .argument('<serviceId>', 'id of the service in the configuration')
      .action(async (serviceId: string, options: SocketOption) => {
        const request = ControlRequest.safeParse({ cmd: 'open', serviceId });
        if (!request.success) throw new UsageError(`open: "${serviceId}" is not a service id`);
        const status = TerminalStatus.parse(await ask(options, request.data));
        process.stdout.write(`${status.url}\n`);
      }),
  );

  ctl.addCommand(
    withSocket(new Command('input'))
      .description('simulate a hardware input or citizen activity')
      .argument('<input>', TerminalInput.options.join(' | '))
      .action(async (input: string, options: SocketOption) => {
        const parsed = TerminalInput.safeParse(input);
        if (!parsed.success) {
          throw new UsageError(
            `input: expected ${TerminalInput.options.join(', ')}, got "${input}"`,
          );
        }
        const status = TerminalStatus.parse(
          await ask(options, { cmd: 'input', input: parsed.data }),
        );
        process.stdout.write(`${status.state}\n`);
      }),
  );

  ctl.addCommand(
    withSocket(new Command('screenshot'))
      .description('save a PNG of the kiosk browser')
      .argument('<file>', 'where to write the PNG')
      .action(async (file: string, options: SocketOption) => {
        const { png } = ScreenshotData.parse(await ask(options, { cmd: 'screenshot' }));
        await writeFile(file, Buffer.from(png, 'base64'));
        process.stdout.write(`${file}\n`);
      }),
  );
  return ctl;
}
