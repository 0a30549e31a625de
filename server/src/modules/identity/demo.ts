import type { InstitutionType, Role, Sector } from '@kooperacja/domain';
import { isValidNip, isValidRegon } from '@kooperacja/domain';
import type { Tx } from '../../db/database.js';
import { institutions, memberships, users } from '../../db/schema/index.js';
import { hashPassword } from './passwords.js';

/** Demo e-mails end in this domain; README lists the logins. */
export const DEMO_DOMAIN = 'demo.kooperacja.pl';

/** Appends the NIP check digit to 9 digits (bumping the last one when the check would be 10). */
export function withNipCheck(nine: string): string {
  const w = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  for (let base = Number(nine); ; base++) {
    const d = String(base).padStart(9, '0');
    const sum = [...d].reduce((s, c, i) => s + Number(c) * (w[i] ?? 0), 0) % 11;
    if (sum !== 10) return d + sum;
  }
}

/** Appends the REGON (9-digit) check digit to 8 digits. */
export function withRegonCheck(eight: string): string {
  const w = [8, 9, 2, 3, 4, 5, 6, 7];
  const sum = [...eight].reduce((s, c, i) => s + Number(c) * (w[i] ?? 0), 0) % 11;
  return eight + (sum === 10 ? 0 : sum);
}

interface DemoInstitution {
  key: string;
  name: string;
  shortName?: string;
  type: InstitutionType;
  sector: Sector;
  teryt: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  nip?: string;
  regon?: string;
}

export const demoInstitutions: DemoInstitution[] = [
  {
    key: 'mops-bochnia',
    name: 'Miejski Ośrodek Pomocy Społecznej w Bochni',
    shortName: 'MOPS Bochnia',
    type: 'ops',
    sector: 'pomoc_spoleczna',
    teryt: '1201011',
    street: 'ul. Kazimierza Wielkiego 35',
    postalCode: '32-700',
    city: 'Bochnia',
    phone: '14 611 00 01',
    email: 'sekretariat@mops.demo.kooperacja.pl',
    nip: '8680000011',
    regon: '35000001',
  },
  {
    key: 'pcpr-bochnia',
    name: 'Powiatowe Centrum Pomocy Rodzinie w Bochni',
    shortName: 'PCPR Bochnia',
    type: 'pcpr',
    sector: 'pomoc_spoleczna',
    teryt: '1201',
    street: 'ul. Kościuszki 2',
    postalCode: '32-700',
    city: 'Bochnia',
    phone: '14 611 00 02',
    email: 'pcpr@demo.kooperacja.pl',
    nip: '8680000022',
    regon: '35000002',
  },
  {
    key: 'kpp-bochnia',
    name: 'Komenda Powiatowa Policji w Bochni',
    shortName: 'KPP Bochnia',
    type: 'policja',
    sector: 'policja',
    teryt: '1201011',
    street: 'ul. Kazimierza Wielkiego 12',
    postalCode: '32-700',
    city: 'Bochnia',
    phone: '47 833 12 00',
    email: 'kpp@demo.kooperacja.pl',
  },
  {
    key: 'sp1-bochnia',
    name: 'Szkoła Podstawowa nr 1 w Bochni',
    shortName: 'SP 1 Bochnia',
    type: 'szkola',
    sector: 'edukacja',
    teryt: '1201011',
    street: 'ul. Świętej Kingi 8',
    postalCode: '32-700',
    city: 'Bochnia',
    phone: '14 611 00 04',
    email: 'sp1@demo.kooperacja.pl',
    regon: '35000004',
  },
  {
    key: 'ppp-bochnia',
    name: 'Poradnia Psychologiczno-Pedagogiczna w Bochni',
    shortName: 'PPP Bochnia',
    type: 'poradnia_pp',
    sector: 'edukacja',
    teryt: '1201011',
    street: 'ul. Konfederatów Barskich 6',
    postalCode: '32-700',
    city: 'Bochnia',
    phone: '14 611 00 05',
    email: 'ppp@demo.kooperacja.pl',
  },
  {
    key: 'szpital-bochnia',
    name: 'Szpital Powiatowy w Bochni',
    type: 'podmiot_leczniczy',
    sector: 'zdrowie',
    teryt: '1201011',
    street: 'ul. Krakowska 31',
    postalCode: '32-700',
    city: 'Bochnia',
    phone: '14 611 00 06',
    email: 'szpital@demo.kooperacja.pl',
    nip: '8680000066',
  },
  {
    key: 'pup-bochnia',
    name: 'Powiatowy Urząd Pracy w Bochni',
    shortName: 'PUP Bochnia',
    type: 'pup',
    sector: 'rynek_pracy',
    teryt: '1201',
    street: 'ul. Windakiewicza 30',
    postalCode: '32-700',
    city: 'Bochnia',
    phone: '14 611 00 07',
    email: 'pup@demo.kooperacja.pl',
  },
  {
    key: 'ngo-bochnia',
    name: 'Stowarzyszenie „Razem dla Bochni”',
    type: 'ngo',
    sector: 'ngo',
    teryt: '1201011',
    street: 'ul. Regis 1',
    postalCode: '32-700',
    city: 'Bochnia',
    phone: '14 611 00 08',
    email: 'razem@demo.kooperacja.pl',
    nip: '8680000088',
  },
  {
    key: 'kuratorzy-bochnia',
    name: 'Sąd Rejonowy w Bochni — zespół kuratorskiej służby sądowej',
    type: 'sad',
    sector: 'wymiar_sprawiedliwosci',
    teryt: '1201011',
    street: 'ul. Kazimierza Wielkiego 24',
    postalCode: '32-700',
    city: 'Bochnia',
    phone: '14 611 00 09',
    email: 'kuratorzy@demo.kooperacja.pl',
  },
  {
    key: 'ops-andrychow',
    name: 'Ośrodek Pomocy Społecznej w Andrychowie',
    shortName: 'OPS Andrychów',
    type: 'ops',
    sector: 'pomoc_spoleczna',
    teryt: '1218013',
    street: 'ul. Metalowców 7',
    postalCode: '34-120',
    city: 'Andrychów',
    phone: '33 875 00 10',
    email: 'ops@andrychow.demo.kooperacja.pl',
    nip: '5510000010',
    regon: '07000010',
  },
  {
    key: 'rops-krakow',
    name: 'Regionalny Ośrodek Polityki Społecznej w Krakowie',
    shortName: 'ROPS Kraków',
    type: 'rops',
    sector: 'pomoc_spoleczna',
    teryt: '1261011',
    street: 'ul. Piastowska 32',
    postalCode: '30-070',
    city: 'Kraków',
    phone: '12 422 06 36',
    email: 'rops@krakow.demo.kooperacja.pl',
    nip: '6760000011',
    regon: '35000011',
  },
  {
    key: 'rops-kielce',
    name: 'Regionalny Ośrodek Polityki Społecznej w Kielcach',
    shortName: 'ROPS Kielce',
    type: 'rops',
    sector: 'pomoc_spoleczna',
    teryt: '2661011',
    street: 'al. IX Wieków Kielc 3',
    postalCode: '25-516',
    city: 'Kielce',
    phone: '41 342 14 00',
    email: 'rops@kielce.demo.kooperacja.pl',
    nip: '6570000012',
    regon: '26000012',
  },
];

interface DemoUser {
  local: string;
  firstName: string;
  lastName: string;
  memberships: { institution: string; roles: Role[] }[];
}

/** One demo user per role, plus second social workers for the need-to-know stories (README: "Konta demonstracyjne"). */
export const demoUsers: DemoUser[] = [
  {
    local: 'admin',
    firstName: 'Adam',
    lastName: 'Administracyjny',
    memberships: [{ institution: 'rops-krakow', roles: ['administrator_systemu'] }],
  },
  {
    local: 'admin.bochnia',
    firstName: 'Beata',
    lastName: 'Bocheńska',
    memberships: [{ institution: 'mops-bochnia', roles: ['administrator_instytucji'] }],
  },
  {
    local: 'pracownik.bochnia',
    firstName: 'Paulina',
    lastName: 'Pracowita',
    memberships: [{ institution: 'mops-bochnia', roles: ['pracownik_socjalny'] }],
  },
  {
    local: 'pracownik2.bochnia',
    firstName: 'Marek',
    lastName: 'Terenowy',
    memberships: [{ institution: 'mops-bochnia', roles: ['pracownik_socjalny'] }],
  },
  {
    local: 'pracownik.andrychow',
    firstName: 'Agata',
    lastName: 'Andrychowska',
    memberships: [{ institution: 'ops-andrychow', roles: ['pracownik_socjalny'] }],
  },
  {
    local: 'kierownik.bochnia',
    firstName: 'Krzysztof',
    lastName: 'Kierowniczy',
    memberships: [{ institution: 'mops-bochnia', roles: ['kierownik'] }],
  },
  {
    local: 'policja.bochnia',
    firstName: 'Piotr',
    lastName: 'Posterunkowy',
    memberships: [{ institution: 'kpp-bochnia', roles: ['pracownik_partnera'] }],
  },
  {
    local: 'pedagog.bochnia',
    firstName: 'Beata',
    lastName: 'Szkolna',
    memberships: [{ institution: 'sp1-bochnia', roles: ['pracownik_partnera'] }],
  },
  {
    local: 'koordynator.andrychow',
    firstName: 'Karolina',
    lastName: 'Koordynacka',
    memberships: [{ institution: 'ops-andrychow', roles: ['koordynator_projektu'] }],
  },
  {
    local: 'koordynator.krakow',
    firstName: 'Kamil',
    lastName: 'Projektowy',
    memberships: [{ institution: 'rops-krakow', roles: ['koordynator_projektu'] }],
  },
  {
    local: 'koordynator.kielce',
    firstName: 'Katarzyna',
    lastName: 'Świętokrzyska',
    memberships: [{ institution: 'rops-kielce', roles: ['koordynator_projektu'] }],
  },
  {
    local: 'animator.bochnia',
    firstName: 'Anna',
    lastName: 'Animuszewska',
    memberships: [{ institution: 'pcpr-bochnia', roles: ['animator_partnerstwa'] }],
  },
  {
    local: 'analityk.kielce',
    firstName: 'Aleksander',
    lastName: 'Analityczny',
    memberships: [{ institution: 'rops-kielce', roles: ['analityk_regionalny'] }],
  },
  {
    local: 'trener',
    firstName: 'Teresa',
    lastName: 'Trenerska',
    memberships: [
      { institution: 'rops-krakow', roles: ['trener'] },
      { institution: 'rops-kielce', roles: ['trener'] },
    ],
  },
  {
    local: 'audytor',
    firstName: 'Irena',
    lastName: 'Inspektorska',
    memberships: [{ institution: 'rops-krakow', roles: ['audytor'] }],
  },
];

export const demoEmail = (local: string) => `${local}@${DEMO_DOMAIN}`;

/** Demo institutions and users (password from DEMO_PASSWORD). */
export async function seedDemoIdentity(tx: Tx, demoPassword: string): Promise<void> {
  const ids = new Map<string, string>();
  for (const d of demoInstitutions) {
    const { key, nip, regon, ...rest } = d;
    const fullNip = nip ? withNipCheck(nip.slice(0, 9)) : null;
    const fullRegon = regon ? withRegonCheck(regon.slice(0, 8)) : null;
    if (fullNip && !isValidNip(fullNip)) throw new Error(`demo NIP ${fullNip} invalid`);
    if (fullRegon && !isValidRegon(fullRegon)) throw new Error(`demo REGON ${fullRegon} invalid`);
    const [row] = await tx
      .insert(institutions)
      .values({ ...rest, nip: fullNip, regon: fullRegon })
      .returning({ id: institutions.id });
    if (row) ids.set(key, row.id);
  }
  const hash = await hashPassword(demoPassword);
  for (const u of demoUsers) {
    const [row] = await tx
      .insert(users)
      .values({
        email: demoEmail(u.local),
        firstName: u.firstName,
        lastName: u.lastName,
        passwordHash: hash,
        passwordChangedAt: new Date(),
      })
      .returning({ id: users.id });
    if (!row) continue;
    for (const m of u.memberships) {
      const institutionId = ids.get(m.institution);
      if (!institutionId) throw new Error(`demo institution ${m.institution} missing`);
      await tx.insert(memberships).values({ userId: row.id, institutionId, roles: m.roles });
    }
  }
}
