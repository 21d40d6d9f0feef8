import { phoneCheckPaths } from '@sidbox/protocol';

/** Where the phone check lives on the eID-Server's port; the terminal's routes are the protocol's. */
export const paths = {
  ...phoneCheckPaths,
  /** `${link}/<linkToken>/start`: uses the link up and hands over to the phone's AusweisApp. */
  start: (linkToken: string) => `${phoneCheckPaths.link}/${linkToken}/start`,
  /** The RefreshAddress: `${result}/<resultToken>`. */
  result: `${phoneCheckPaths.link}/result`,
} as const;
