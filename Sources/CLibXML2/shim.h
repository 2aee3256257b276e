#ifndef SYMBIOSE_CLIBXML2_SHIM_H
#define SYMBIOSE_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, whose headers clash with the ICU copy inside Foundation.
   Symbiose never touches the encoding handler structures that use it, so leave it out. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlreader.h>

/// Swift 6 cannot read the C global `xmlFree`; call it through this function.
static inline void symbiose_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
