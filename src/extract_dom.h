/* extract_dom.h: the extractor's tree helpers: element kinds and their
 * side data, text measured as a browser's DOM measures it, tree surgery. */
#ifndef REEL_EXTRACT_DOM_H
#define REEL_EXTRACT_DOM_H

#include <stddef.h>

#include <libxml/tree.h>

struct buf;
struct xctx;
struct xlist;

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
/* The spaces extract_dom_space() puts right before an element, counted in
 * its flags instead of standing as text nodes of their own (a page of
 * short paragraphs would hold a third of its nodes in them; issue 14).
 * Every reader of text counts them where the nodes would be, and the
 * tree's surgery below keeps them where the nodes would stay. */
#define XN_SPACE_SHIFT	8
#define XN_SPACE_MAX	255
#define XN_SPACES	(XN_SPACE_MAX << XN_SPACE_SHIFT)

/* How extract_dom_textlen() measures: as the DOM's textContent, trimmed,
 * or trimmed with every white-space run counted once (innerText). */
enum xlen {
	XLEN_RAW,
	XLEN_TRIM,
	XLEN_NORMAL,
};

/* Gives every element under root (root included) its side data. */
void		 extract_dom_annotate(struct xctx *, xmlNodePtr);
/* Returns n's side data, made on first use; owned by the extraction. */
struct xnode	*extract_dom_data(struct xctx *, xmlNodePtr);
/* Returns an element's tag; XT_OTHER for unknown names and non-elements. */
enum xtag	 extract_dom_tag(xmlNodePtr);
/* Returns the lower-case name of a tag, a static string. */
const char	*extract_dom_tag_name(enum xtag);
/* Returns non-zero if n is an element of tag t. */
int		 extract_dom_is(xmlNodePtr, enum xtag);
/* Returns non-zero if n is h1 to h6. */
int		 extract_dom_is_heading(xmlNodePtr);
/* Returns an attribute's value, owned by the tree; "" when it has none,
 * NULL when absent. */
const char	*extract_dom_attr(xmlNodePtr, const char *);
/* Returns an attribute read as an HTML integer ("12", " -3", "2px" is 2)
 * and clamped to [lo, hi]; def when absent or not a number. */
long		 extract_dom_attr_long(xmlNodePtr, const char *, long, long,
		    long);
/* Puts n's class, a space and its id into the buffer, the text the
 * class-name patterns look at; returns it, owned by the buffer. */
const char	*extract_dom_match_string(xmlNodePtr, struct buf *);
/* Return n's first child element, the element after and before n among
 * its siblings, or NULL. */
xmlNodePtr	 extract_dom_first(xmlNodePtr);
xmlNodePtr	 extract_dom_next_sibling(xmlNodePtr);
xmlNodePtr	 extract_dom_prev_sibling(xmlNodePtr);
/* Returns how many child elements n has. */
size_t		 extract_dom_nchildren(xmlNodePtr);
/* Returns the next element of a depth-first walk (the next sibling's
 * subtree when skip_children), or NULL at the end of the tree. */
xmlNodePtr	 extract_dom_next(xmlNodePtr, int);
/* Returns n's parent element, or NULL above <html>. */
xmlNodePtr	 extract_dom_parent(xmlNodePtr);
/* Returns non-zero if an ancestor within max_depth levels (all if 0 or
 * less) has the tag and passes filter (NULL for any). */
int		 extract_dom_has_ancestor(xmlNodePtr, enum xtag, int,
		    int (*)(xmlNodePtr));
/* Appends root's descendants with one of the tags to the list, in
 * document order. */
void		 extract_dom_collect(xmlNodePtr, const enum xtag *, size_t,
		    struct xlist *);
/* Returns how many of root's descendants have tag t. */
size_t		 extract_dom_count(xmlNodePtr, enum xtag);
/* Returns non-zero if one of root's descendants is a blockquote, dl,
 * div, img, ol, p, pre, table or ul: root is more than a paragraph. */
int		 extract_dom_has_block(xmlNodePtr);
/* Appends n to the list; extract_dom_list_free() frees the list, not the
 * nodes. */
void		 extract_dom_list_add(struct xlist *, xmlNodePtr);
void		 extract_dom_list_free(struct xlist *);
/* Returns the length of n's text in UTF-16 units, measured as asked. */
size_t		 extract_dom_textlen(xmlNodePtr, enum xlen);
/* XLEN_NORMAL lengths that join: white space at either end kept apart,
 * so that an element's is its children's joined. */
struct xtextlen {
	size_t	 len;
	int	 text;		/* holds more than white space */
	int	 lead;		/* white space before the first word */
	int	 trail;		/* white space after the last word */
};
/* Measures text node n. */
void		 extract_dom_textlen_text(xmlNodePtr, struct xtextlen *);
/* The same of a string. */
void		 extract_dom_textlen_str(const char *, struct xtextlen *);
/* Appends the text measured in b to that measured in a. */
void		 extract_dom_textlen_join(struct xtextlen *,
		    const struct xtextlen *);
/* Returns how many commas n's text holds (those of all scripts if all). */
size_t		 extract_dom_commas(xmlNodePtr, int);
/* Appends n's text to the buffer, trimmed, runs of white space collapsed
 * when normalize. */
void		 extract_dom_text(xmlNodePtr, int, struct buf *);
/* Returns non-zero if n's text is only white space. */
int		 extract_dom_is_blank(xmlNodePtr);
/* Puts back the white space tidy dropped beside blocks under root. */
void		 extract_dom_space(xmlNodePtr);
/* The spaces standing right before element n (0 for other nodes). */
unsigned	 extract_dom_spaces(xmlNodePtr);
/* Forgets them: they went with what was taken out before n. */
void		 extract_dom_spaces_drop(xmlNodePtr);
/* A text of n's spaces, as the text nodes they stand for hold. */
const char	*extract_dom_spaces_text(xmlNodePtr);
/* Returns non-zero if s is only white space. */
int		 extract_dom_blank_str(const char *);
/* Returns non-zero if s ends with a character that is not white space. */
int		 extract_dom_ends_nonspace(const char *);
/* Returns the share of n's text inside links, from 0 to 1. */
double		 extract_dom_link_density(xmlNodePtr);
/* Returns a new element, not in the tree; the caller puts it in the tree
 * or frees it with xmlFreeNode(). Its side data is the extraction's. */
xmlNodePtr	 extract_dom_new(struct xctx *, enum xtag);
/* Unlinks n; the extraction frees it at the end (extract_dom_free()). */
void		 extract_dom_remove(struct xctx *, xmlNodePtr);
/* Moves child to the end of parent's children, never merging text. */
void		 extract_dom_append(xmlNodePtr, xmlNodePtr);
/* The same, the spaces before child going along with it. */
void		 extract_dom_append_spaced(xmlNodePtr, xmlNodePtr);
/* Puts repl in old's place; old is left unlinked and the caller's. */
void		 extract_dom_replace(xmlNodePtr, xmlNodePtr);
/* Gives n another tag and the name that goes with it. */
void		 extract_dom_rename(struct xctx *, xmlNodePtr, enum xtag);
/* Returns non-zero if hay contains needle (lower case), ASCII case
 * ignored. */
int		 extract_dom_contains_ci(const char *, const char *);
/* Returns non-zero if s contains one of the NULL-terminated words. */
int		 extract_dom_match_any(const char *, const char *const *);
/* Returns how much of b's words a's share, from 0 to 1. */
double		 extract_dom_similarity(const char *, const char *);
/* Frees the side data and every node removed during the extraction. */
void		 extract_dom_free(struct xctx *);

#endif
