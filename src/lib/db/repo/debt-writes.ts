/** The writes of the debt instalments in the due list, in one chunk loaded with the first tap. */
export { deleteRepayment, repayDebt } from './debts';
export { skipOccurrence, unskipOccurrence } from './skips';
