/** This project's GitHub Action (action.yml at the repository root), by its GitHub name. */
export const CHECK_ACTION = 'secure-cncf/create-secure-cncf';
