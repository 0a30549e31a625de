import { describe, expect, it } from 'vitest';
import {
  attendancePercent,
  certificateCodeFrom,
  certificateDue,
  EditionInput,
  normalizeCertificateCode,
  placeFor,
  promoteFromWaitingList,
  questionIssues,
  raisedQualifications,
  scoreTest,
  TrainingInput,
  TrainingQuestionInput,
} from './trainings.js';

const single = {
  id: 'q1',
  kind: 'jednokrotny' as const,
  options: [
    { id: 'a', correct: false },
    { id: 'b', correct: true },
    { id: 'c', correct: false },
  ],
};
const multiple = {
  id: 'q2',
  kind: 'wielokrotny' as const,
  options: [
    { id: 'x', correct: true },
    { id: 'y', correct: true },
    { id: 'z', correct: false },
  ],
};

describe('test scoring', () => {
  it('gives a point for the correct single choice and none for a wrong one', () => {
    expect(scoreTest([single], { q1: ['b'] }, 70)).toEqual({
      points: 1,
      maxPoints: 1,
      percent: 100,
      passed: true,
    });
    expect(scoreTest([single], { q1: ['a'] }, 70).points).toBe(0);
  });

  it('gives no point when a single-choice question has two answers ticked', () => {
    expect(scoreTest([single], { q1: ['a', 'b'] }, 70).points).toBe(0);
  });

  it('scores a multiple-choice question only when all correct options and nothing else are chosen', () => {
    expect(scoreTest([multiple], { q2: ['x', 'y'] }, 50).points).toBe(1);
    expect(scoreTest([multiple], { q2: ['y', 'x'] }, 50).points).toBe(1);
    expect(scoreTest([multiple], { q2: ['x'] }, 50).points).toBe(0);
    expect(scoreTest([multiple], { q2: ['x', 'y', 'z'] }, 50).points).toBe(0);
  });

  it('passes at the threshold and fails just below it', () => {
    const questions = Array.from({ length: 10 }, (_, i) => ({ ...single, id: `q${i}` }));
    const answers = (right: number) =>
      Object.fromEntries(questions.map((q, i) => [q.id, [i < right ? 'b' : 'a']]));
    expect(scoreTest(questions, answers(7), 70)).toMatchObject({ percent: 70, passed: true });
    expect(scoreTest(questions, answers(6), 70)).toMatchObject({ percent: 60, passed: false });
  });

  it('treats unanswered questions as wrong and cannot pass an empty test', () => {
    expect(scoreTest([single, multiple], {}, 1)).toMatchObject({ points: 0, maxPoints: 2, passed: false });
    expect(scoreTest([], {}, 1)).toMatchObject({ maxPoints: 0, percent: 0, passed: false });
  });
});

describe('the "raised qualifications" rule', () => {
  it('holds with a passed final test or a valid certificate, and not without either', () => {
    expect(raisedQualifications({ finalTestPassed: true, certificateValid: false })).toBe(true);
    expect(raisedQualifications({ finalTestPassed: false, certificateValid: true })).toBe(true);
    expect(raisedQualifications({ finalTestPassed: false, certificateValid: false })).toBe(false);
  });

  it('issues a certificate only with the test passed and enough attendance or every lesson done', () => {
    const base = {
      issuesCertificate: true,
      finalTestPassed: true,
      attendancePercent: 80,
      minAttendancePercent: 80,
      lessonsTotal: 0,
      lessonsCompleted: 0,
      hasSessions: true,
    };
    expect(certificateDue(base)).toBe(true);
    expect(certificateDue({ ...base, attendancePercent: 79 })).toBe(false);
    expect(certificateDue({ ...base, finalTestPassed: false })).toBe(false);
    expect(certificateDue({ ...base, issuesCertificate: false })).toBe(false);
    const elearning = { ...base, hasSessions: false, attendancePercent: 0, lessonsTotal: 3 };
    expect(certificateDue({ ...elearning, lessonsCompleted: 2 })).toBe(false);
    expect(certificateDue({ ...elearning, lessonsCompleted: 3 })).toBe(true);
  });

  it('counts attendance as a whole percent of the sessions', () => {
    expect(attendancePercent(2, 3)).toBe(67);
    expect(attendancePercent(0, 0)).toBe(100);
  });
});

describe('registration limits and the waiting list', () => {
  it('gives a place while there are fewer confirmed than the capacity', () => {
    expect(placeFor(2, 0)).toBe('potwierdzona');
    expect(placeFor(2, 1)).toBe('potwierdzona');
    expect(placeFor(2, 2)).toBe('rezerwowa');
  });

  it('promotes the earliest on the waiting list into the freed places only', () => {
    const regs = [
      { id: 'a', status: 'potwierdzona' as const, registeredAt: '2026-01-01T10:00:00Z' },
      { id: 'late', status: 'rezerwowa' as const, registeredAt: '2026-01-03T10:00:00Z' },
      { id: 'early', status: 'rezerwowa' as const, registeredAt: '2026-01-02T10:00:00Z' },
      { id: 'w', status: 'wycofana' as const, registeredAt: '2026-01-01T09:00:00Z' },
    ];
    expect(promoteFromWaitingList(2, regs)).toEqual(['early']);
    expect(promoteFromWaitingList(3, regs)).toEqual(['early', 'late']);
    expect(promoteFromWaitingList(1, regs)).toEqual([]);
  });
});

describe('certificate verification codes', () => {
  const bytes = Uint8Array.from([7, 19, 13, 2, 20, 9, 26, 29, 4, 25, 11]);

  it('are 12 characters in groups of four and read back as themselves', () => {
    const code = certificateCodeFrom(bytes);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(normalizeCertificateCode(code)).toBe(code);
    expect(normalizeCertificateCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
  });

  it('reject a mistyped character and two swapped characters', () => {
    const code = certificateCodeFrom(bytes).replace(/-/g, '');
    const typo = `${code[0] === 'A' ? 'B' : 'A'}${code.slice(1)}`;
    expect(normalizeCertificateCode(typo)).toBeNull();
    const swapped = `${code[1]}${code[0]}${code.slice(2)}`;
    if (code[0] !== code[1]) expect(normalizeCertificateCode(swapped)).toBeNull();
    expect(normalizeCertificateCode('not a code')).toBeNull();
  });

  it('read O as zero and I or L as one', () => {
    const code = certificateCodeFrom(Uint8Array.from([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0]));
    const typed = code.replace(/0/g, 'o').replace(/1/g, 'l');
    expect(normalizeCertificateCode(typed)).toBe(code);
  });
});

describe('inputs', () => {
  it('accepts hours in half hours only', () => {
    const base = {
      title: 'Kooperacja w praktyce',
      form: 'warsztat',
      topic: 'Kooperacja',
      targetStaff: ['pracownicy_socjalni'],
    };
    expect(TrainingInput.safeParse({ ...base, hours: 16 }).success).toBe(true);
    expect(TrainingInput.safeParse({ ...base, hours: 1.5 }).success).toBe(true);
    const bad = TrainingInput.safeParse({ ...base, hours: 1.25 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('training.hoursHalf');
  });

  it('needs exactly one correct option for a single-choice question', () => {
    const q = TrainingQuestionInput.parse({
      kind: 'jednokrotny',
      text: 'Kto jest liderem partnerstwa?',
      options: [
        { text: 'OPS', correct: true },
        { text: 'PCPR', correct: true },
      ],
    });
    expect(questionIssues(q)).toEqual([{ field: 'options', code: 'training.question.singleNeedsOne' }]);
    expect(questionIssues({ ...q, kind: 'wielokrotny' })).toEqual([]);
  });

  it('refuses an online link that is not https', () => {
    const r = EditionInput.safeParse({
      name: 'Edycja 1',
      startsOn: '2026-12-01',
      endsOn: '2026-12-02',
      mode: 'online',
      onlineUrl: 'http://example.org/meet',
      capacity: 20,
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('training.edition.onlineUrl');
  });
});
