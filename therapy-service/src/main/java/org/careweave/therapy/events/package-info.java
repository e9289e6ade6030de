/** Publishing session and assessment events through the outbox. */
package org.careweave.therapy.events;
