import type { DeviceSummary } from '@sidbox/protocol';
import type { Translate } from '../i18n/catalogue.js';

/** Every configured device with its state, for staff: the same facts as `sidbox ctl devices`. */
export function DeviceTable({ summary, t }: { summary: DeviceSummary | null; t: Translate }) {
  if (!summary) return <p>{t('staff.devices.unknown')}</p>;
  return (
    <>
      <p role="status">{t(summary.healthy ? 'staff.devices.healthy' : 'staff.devices.problem')}</p>
      {summary.matFallback && <p>{t('staff.devices.matFallback')}</p>}
      {summary.devices.length === 0 ? (
        <p>{t('staff.devices.none')}</p>
      ) : (
        <table class="devices">
          <caption>{t('staff.devices.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.devices.name')}</th>
              <th scope="col">{t('staff.devices.kind')}</th>
              <th scope="col">{t('staff.devices.status')}</th>
              <th scope="col">{t('staff.devices.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.devices.map((device) => (
              <tr key={device.device} class={device.status === 'ok' ? undefined : 'device-problem'}>
                <th scope="row" dir="ltr">
                  {device.device}
                </th>
                <td>{t(`device.kind.${device.kind}`)}</td>
                <td>{t(`device.status.${device.status}`)}</td>
                <td dir="ltr">
                  {Object.entries(device.detail ?? {})
                    .map(([key, value]) => `${key}: ${String(value)}`)
                    .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
