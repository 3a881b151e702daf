package org.portico.authorizations;

/**
 * The kinds of answer a smart sheet question takes, each with its own form field.
 */
public enum AnswerType {

	YES_NO, NUMBER, DATE, CHOICE, TEXT

}
