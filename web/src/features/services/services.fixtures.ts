import type { Service } from '@kooperacja/domain';
import { BOCHNIA_ID } from '../auth/me.fixtures';

export function makeService(overrides: Partial<Service> = {}): Service {
  return {
    id: '0190c000-0000-7000-8000-000000000001',
    institution: {
      id: BOCHNIA_ID,
      name: 'Miejski Ośrodek Pomocy Społecznej w Bochni',
      shortName: 'MOPS Bochnia',
      type: 'ops',
      sector: 'pomoc_spoleczna',
      phone: '14 611 00 01',
      email: 'sekretariat@mops.demo.kooperacja.pl',
    },
    name: 'Asystent rodziny',
    serviceType: 'asystent_rodziny',
    area: 'wspieranie_rodziny',
    targetGroups: ['rodziny_z_dziecmi'],
    description: null,
    eligibility: null,
    capacity: 45,
    freePlaces: 3,
    hours: 'pn.–pt. 7:30–15:30',
    howToRefer: 'Wniosek pracownika socjalnego',
    contactName: 'Zespół asystentów',
    contactPhone: '14 611 00 11',
    contactEmail: null,
    teryt: '1201011',
    unitName: 'Bochnia',
    address: null,
    active: true,
    version: 1,
    updatedAt: '2026-01-15T10:00:00.000Z',
    abilities: { update: false },
    ...overrides,
  };
}
