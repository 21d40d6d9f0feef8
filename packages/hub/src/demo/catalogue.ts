import type { ServiceEntry } from '@sidbox/protocol';

type DemoService = Omit<
  ServiceEntry,
  | 'allowedOrigins'
  | 'redirectOrigins'
  | 'allowDownloads'
  | 'allowPrint'
  | 'allowUpload'
  | 'selfCheck'
>;

/** National services of the demo catalogue (examples from the seed presentation). */
export const nationalDemoServices: DemoService[] = [
  {
    id: 'fuehrungszeugnis',
    title: { de: 'Führungszeugnis beantragen', en: 'Certificate of good conduct' },
    description: {
      de: 'Online beim Bundesamt für Justiz',
      en: 'Online at the Federal Office of Justice',
    },
    category: 'certificates',
    startUrl: 'https://www.fuehrungszeugnis.bund.de/',
    eid: true,
  },
  {
    id: 'rentenauskunft',
    title: { de: 'Rentenauskunft abrufen', en: 'Pension information' },
    description: { de: 'Deutsche Rentenversicherung', en: 'German pension insurance' },
    category: 'pension-tax',
    startUrl: 'https://www.eservice-drv.de/',
    eid: true,
  },
  {
    id: 'ikfz',
    title: { de: 'Fahrzeug zulassen (i-Kfz)', en: 'Register a vehicle (i-Kfz)' },
    description: { de: 'Internetbasierte Fahrzeugzulassung', en: 'Online vehicle registration' },
    category: 'vehicle',
    startUrl: 'https://www.kba.de/',
    eid: true,
  },
  {
    id: 'bafoeg',
    title: { de: 'BAföG beantragen', en: 'Student grant (BAföG)' },
    description: { de: 'Antrag online stellen', en: 'Apply online' },
    category: 'education',
    startUrl: 'https://www.bafoeg-digital.de/',
    eid: true,
  },
];

export const localDemoService: DemoService = {
  id: 'bonn-bewohnerparkausweis',
  title: { de: 'Bewohnerparkausweis', en: "Residents' parking permit" },
  description: { de: 'Stadt Bonn, online beantragen', en: 'City of Bonn, apply online' },
  category: 'residence',
  startUrl: 'https://www.bonn.de/',
  eid: true,
};

/** "Online-Ausweis testen" at the association's eID-Server, offered right after a PIN change. */
export function selfCheckDemoService(selfCheckUrl: string): DemoService & { selfCheck: true } {
  return {
    id: 'online-ausweis-testen',
    title: { de: 'Online-Ausweis testen', en: 'Test your online ID' },
    description: {
      de: 'Sehen, was Ihr Ausweis über Sie speichert',
      en: 'See what your ID card stores about you',
    },
    category: 'eid',
    startUrl: `${selfCheckUrl}?lang={lang}`,
    eid: true,
    selfCheck: true,
  };
}
