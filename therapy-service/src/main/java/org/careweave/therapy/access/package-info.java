/** Who may see and change which session or note, on top of the platform's patient-record access. */
package org.careweave.therapy.access;
