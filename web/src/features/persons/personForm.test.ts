import { describe, expect, it } from 'vitest';
import { familyNameOf, mergeMyChanges, personDifferences, personInputOf, personValuesOf } from './personForm';
import { makePerson } from './persons.fixtures';

describe('person form values', () => {
  it('sends the birth date and sex read from the PESEL, and nothing of another document', () => {
    const v = {
      ...personValuesOf(undefined),
      firstName: ' Jan ',
      lastName: 'Kowalski',
      pesel: '44051401359',
    };
    v.otherIdType = 'paszport';
    expect(personInputOf(v)).toMatchObject({
      firstName: 'Jan',
      pesel: '44051401359',
      birthDate: '1944-05-14',
      sex: 'M',
      otherIdType: null,
      otherIdNumber: null,
      email: null,
      citizenship: 'polskie',
    });
  });

  it('without a PESEL sends the other document, the birth date and the sex', () => {
    const v = {
      ...personValuesOf(undefined),
      noPesel: true,
      pesel: '44051401359',
      otherIdType: 'paszport',
      otherIdNumber: 'AB123',
      birthDate: '1990-01-02',
      sex: 'K',
    };
    expect(personInputOf(v)).toMatchObject({
      pesel: null,
      otherIdType: 'paszport',
      otherIdNumber: 'AB123',
      birthDate: '1990-01-02',
      sex: 'K',
    });
  });

  it('keeps my changes and the other person’s changes after a conflict', () => {
    const base = personValuesOf(makePerson());
    const mine = { ...base, phone: '601', city: 'Kraków' };
    const current = personValuesOf(makePerson({ lastName: 'Nowak', city: 'Tarnów', version: 4 }));
    expect(personDifferences(mine, current, base)).toEqual([
      { field: 'lastName', mine: 'Kowalski', current: 'Nowak', changedByMe: false, changedByOther: true },
      { field: 'city', mine: 'Kraków', current: 'Tarnów', changedByMe: true, changedByOther: true },
      { field: 'phone', mine: '601', current: '600 100 200', changedByMe: true, changedByOther: false },
    ]);
    expect(mergeMyChanges(mine, current, base)).toMatchObject({
      lastName: 'Nowak',
      city: 'Kraków',
      phone: '601',
    });
  });

  it('suggests the family’s name', () => {
    expect(familyNameOf('Kowalski')).toBe('Kowalskich');
    expect(familyNameOf('Kowalska')).toBe('Kowalskich');
    expect(familyNameOf('Nowak')).toBe('Nowaków');
    expect(familyNameOf('Zawadzki-Nowak')).toBe('Zawadzkich');
    expect(familyNameOf('Kania')).toBe('Kania');
  });
});
