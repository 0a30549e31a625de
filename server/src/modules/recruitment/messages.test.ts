import { eligibilityReasonCodes } from '@kooperacja/domain';
import { describe, expect, it } from 'vitest';
import { translate } from '../../http/messages.js';

const params = {
  age: 17,
  min: 18,
  max: 64,
  teryt: '1218013',
  allowed: ['bezrobotna_zarejestrowana'],
  status: 'pracujaca',
  grounds: ['bezdomnosc'],
  required: ['ubostwo'],
  leftOn: '2018-03-01',
  months: 12,
  until: '2019-03-01',
};

describe('eligibility reasons in words', () => {
  it.each([...eligibilityReasonCodes])('%s has a Polish and an English message', (code) => {
    for (const lang of ['pl', 'en'] as const) {
      const text = translate(`recruitment.reason.${code}`, lang, params);
      expect(text, `${lang} ${code}`).toBeTruthy();
      expect(text).not.toMatch(/undefined|\[object/);
    }
  });

  it('writes dates, dictionary labels and Polish plurals out', () => {
    expect(translate('recruitment.reason.instytucja.opuscil_dawno', 'pl', params)).toBe(
      'Opuściła/opuścił instytucję 01.03.2018 — ponad 12 miesięcy przed zgłoszeniem (termin minął 01.03.2019).',
    );
    expect(translate('recruitment.reason.wiek.za_mlody', 'pl', { age: 22, min: 25 })).toBe(
      'Wiek w dniu zgłoszenia: 22 lata, a wymagane jest co najmniej 25.',
    );
    expect(translate('recruitment.reason.status_na_rynku_pracy.inny_status', 'en', params)).toBe(
      'Labour-market status: Employed; the call takes: Unemployed, registered with a labour office.',
    );
  });
});
