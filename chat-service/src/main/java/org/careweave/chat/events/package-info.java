/** Publishing conversation and risk-flag events through the outbox. */
package org.careweave.chat.events;
