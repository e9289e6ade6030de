/** Publishing prescription events through the outbox. */
package org.careweave.prescription.events;
