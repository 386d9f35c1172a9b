/** Column conventions the services' R2DBC stores share, so every table stores and reads them the same way. */
package org.quartermaster.platform.persistence;
