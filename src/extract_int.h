/* extract_int.h: what the extractor's files share (tree helpers, per-node
 * side data, the selection state); not an interface for other modules. */
#ifndef REEL_EXTRACT_INT_H
#define REEL_EXTRACT_INT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "buf.h"

/* The elements the extractor tells apart; everything else is XT_OTHER. */
enum xtag {
	XT_OTHER,
	XT_A, XT_ABBR, XT_ADDRESS, XT_ARTICLE, XT_ASIDE, XT_AUDIO, XT_B,
	XT_BASE, XT_BDI, XT_BDO, XT_BLOCKQUOTE, XT_BODY, XT_BR, XT_BUTTON,
	XT_CANVAS, XT_CAPTION, XT_CENTER, XT_CITE, XT_CODE, XT_COL,
	XT_COLGROUP, XT_DATA, XT_DATALIST, XT_DD, XT_DEL, XT_DETAILS, XT_DFN,
	XT_DIALOG, XT_DIV, XT_DL, XT_DT, XT_EM, XT_EMBED, XT_FIELDSET,
	XT_FIGCAPTION, XT_FIGURE, XT_FONT, XT_FOOTER, XT_FORM, XT_H1, XT_H2,
	XT_H3, XT_H4, XT_H5, XT_H6, XT_HEAD, XT_HEADER, XT_HGROUP, XT_HR,
	XT_HTML, XT_I, XT_IFRAME, XT_IMG, XT_INPUT, XT_INS, XT_KBD, XT_LABEL,
	XT_LI, XT_LINK, XT_MAIN, XT_MAP, XT_MARK, XT_MATH, XT_MENU, XT_META,
	XT_METER, XT_NAV, XT_NOSCRIPT, XT_OBJECT, XT_OL, XT_OPTGROUP,
	XT_OPTION, XT_OUTPUT, XT_P, XT_PARAM, XT_PICTURE, XT_PRE,
	XT_PROGRESS, XT_Q, XT_RP, XT_RT, XT_RUBY, XT_S, XT_SAMP, XT_SCRIPT,
	XT_SECTION, XT_SELECT, XT_SMALL, XT_SOURCE, XT_SPAN, XT_STRIKE,
	XT_STRONG, XT_STYLE, XT_SUB, XT_SUMMARY, XT_SUP, XT_SVG, XT_TABLE,
	XT_TBODY, XT_TD, XT_TEMPLATE, XT_TEXTAREA, XT_TFOOT, XT_TH, XT_THEAD,
	XT_TIME, XT_TITLE, XT_TR, XT_TRACK, XT_TT, XT_U, XT_UL, XT_VAR,
	XT_VIDEO, XT_WBR,
	XT_COUNT
};

/* Side data of one element, reached through its _private pointer. */
struct xnode {
	enum xtag	 tag;
	unsigned	 flags;
	double		 score;		/* content score, valid with XN_SCORED */
	xmlNodePtr	 origin;	/* the <div> this paragraph was unwrapped
					   from (kept until the end), or NULL */
};
#define XN_SCORED	0x1	/* a scoring candidate ("initialized") */
#define XN_DATATABLE	0x2	/* a data table, not a layout table */

/* A growable list of nodes. */
struct xlist {
	xmlNodePtr	*v;
	size_t		 n;
	size_t		 cap;
};

/* How extract_dom_textlen() measures: as the DOM's textContent, trimmed,
 * or trimmed with every white-space run counted once (innerText). */
enum xlen {
	XLEN_RAW,
	XLEN_TRIM,
	XLEN_NORMAL,
};

/* The selection flags, dropped one by one when too little text is found. */
#define XF_STRIP_UNLIKELY	0x1
#define XF_WEIGHT_CLASSES	0x2
#define XF_CLEAN_CONDITIONALLY	0x4
#define XF_ALL			0x7

/* What the metadata pass finds; every string is allocated, NULL if none. */
struct xmeta {
	char	*title;
	char	*byline;
	char	*site;
	char	*published;
	char	*excerpt;
	char	*lang;
	char	*dir;
	char	*image;
};

struct xchunk;

/* The state of one extraction. */
struct xctx {
	xmlDocPtr	 doc;
	xmlNodePtr	 body;
	char		*base;		/* base URL for links, or NULL */
	struct xchunk	*chunks;	/* arena of struct xnode */
	struct xlist	 dead;		/* unlinked subtrees, freed at the end */
	int		 flags;		/* XF_* of the current attempt */
	struct xmeta	 meta;
	char		*byline;	/* the byline element's text */
	xmlNodePtr	 article;	/* detached <div> holding the essay */
};

/* extract_dom.c: tags, side data, text measures, tree surgery. */
void		 extract_dom_annotate(struct xctx *, xmlNodePtr);
struct xnode	*extract_dom_data(struct xctx *, xmlNodePtr);
enum xtag	 extract_dom_tag(xmlNodePtr);
const char	*extract_dom_tag_name(enum xtag);
int		 extract_dom_is(xmlNodePtr, enum xtag);
int		 extract_dom_is_heading(xmlNodePtr);
const char	*extract_dom_attr(xmlNodePtr, const char *);
xmlNodePtr	 extract_dom_first(xmlNodePtr);
xmlNodePtr	 extract_dom_next_sibling(xmlNodePtr);
xmlNodePtr	 extract_dom_prev_sibling(xmlNodePtr);
size_t		 extract_dom_nchildren(xmlNodePtr);
xmlNodePtr	 extract_dom_next(xmlNodePtr, int);
xmlNodePtr	 extract_dom_parent(xmlNodePtr);
int		 extract_dom_has_ancestor(xmlNodePtr, enum xtag, int,
		    int (*)(xmlNodePtr));
void		 extract_dom_collect(xmlNodePtr, const enum xtag *, size_t,
		    struct xlist *);
size_t		 extract_dom_count(xmlNodePtr, enum xtag);
void		 extract_dom_list_add(struct xlist *, xmlNodePtr);
void		 extract_dom_list_free(struct xlist *);
size_t		 extract_dom_textlen(xmlNodePtr, enum xlen);
size_t		 extract_dom_commas(xmlNodePtr, int);
void		 extract_dom_text(xmlNodePtr, int, struct buf *);
int		 extract_dom_is_blank(xmlNodePtr);
void		 extract_dom_space(xmlNodePtr);
int		 extract_dom_blank_str(const char *);
int		 extract_dom_ends_nonspace(const char *);
double		 extract_dom_link_density(xmlNodePtr);
int		 extract_dom_is_space(unsigned int);
xmlNodePtr	 extract_dom_new(struct xctx *, enum xtag);
void		 extract_dom_remove(struct xctx *, xmlNodePtr);
void		 extract_dom_append(xmlNodePtr, xmlNodePtr);
void		 extract_dom_replace(xmlNodePtr, xmlNodePtr);
void		 extract_dom_rename(struct xctx *, xmlNodePtr, enum xtag);
int		 extract_dom_contains_ci(const char *, const char *);
int		 extract_dom_match_any(const char *, const char *const *);
double		 extract_dom_similarity(const char *, const char *);
void		 extract_dom_free(struct xctx *);

/* extract_meta.c: title, byline, dates and the rest. */
void		 extract_meta_jsonld(struct xctx *);
void		 extract_meta_tags(struct xctx *);
void		 extract_meta_finish(struct xctx *);
char		*extract_meta_title(struct xctx *);
char		*extract_meta_date(const char *);
char		*extract_meta_resolve(const char *, const char *);

/* extract_content.c: preparing the page and picking the essay. */
void		 extract_content_prepare(struct xctx *);
int		 extract_content_grab(struct xctx *);
void		 extract_content_finish(struct xctx *);

/* extract_build.c: the essay into the document model. */
struct doc;
void		 extract_build_walk(struct xctx *, struct doc *);

#endif
