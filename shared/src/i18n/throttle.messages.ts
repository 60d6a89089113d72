// Texts of throttled and single-use forms (the public feedback link).
export const throttleMessages = {
  'feedback.stampUsed': {
    fi: 'Tämä lomake on jo lähetetty. Lataa sivu uudelleen, jos haluat antaa uuden palautteen.',
    en: 'This form was sent already. Reload the page if you want to give new feedback.',
  },
} as const;
