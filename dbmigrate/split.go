package dbmigrate

import (
	"fmt"
	"regexp"
	"strings"
)

// statement is one SQL statement of a migration file, without the leading
// comments and the trailing delimiter.
type statement struct {
	text string
	line int // 1-based line of the statement's first character in the file
}

// reDirective is Atlas's file-directive pattern (sql/migrate/dir.go): it only
// ever matches the first line of a file.
var reDirective = regexp.MustCompile(`^([ -~]*)atlas:(\w+)(?: +([ -~]*))*`)

// directive returns the argument of the Atlas directive "atlas:<name>" on the
// first line of content, as Atlas's own directive function does. A non-empty
// prefix must be what comes before "atlas:".
func directive(content, name, prefix string) (string, bool) {
	m := reDirective.FindStringSubmatch(content)
	if len(m) == 4 && m[2] == name && (prefix == "" || m[1] == prefix) {
		return m[3], true
	}
	return "", false
}

// splitStatements splits an Atlas-format migration file into statements.
//
// It understands what can hide a delimiter: single-quoted strings (a doubled
// quote is an escaped quote; on PostgreSQL E'...' strings take backslash escapes),
// double-quoted identifiers, backquoted and [bracketed] identifiers (SQLite),
// -- line comments, /* block */ comments (nested on PostgreSQL), dollar-quoted
// strings (PostgreSQL), parentheses, the BEGIN ... END body of an SQLite
// CREATE TRIGGER and a PostgreSQL BEGIN ATOMIC ... END function body. A first
// line "-- atlas:delimiter X" replaces ";" by X for the file, as in Atlas
// (\n, \r and \t in X are unescaped).
func splitStatements(src string, postgres bool) ([]statement, error) {
	sc := scanner{src: src, delim: ";", postgres: postgres, line: 1}
	if d, ok := directive(src, "delimiter", "-- "); ok {
		d = strings.NewReplacer(`\n`, "\n", `\r`, "\r", `\t`, "\t").Replace(strings.TrimRight(d, " "))
		if d == "" {
			return nil, fmt.Errorf("line 1: empty atlas:delimiter")
		}
		sc.delim = d
		nl := strings.IndexByte(src, '\n')
		if nl < 0 {
			return nil, nil
		}
		sc.pos, sc.line = nl+1, 2
	}
	return sc.scan()
}

type scanner struct {
	src      string
	delim    string
	postgres bool
	pos      int
	line     int // line of src[pos]

	stmts []statement
	// The statement being scanned.
	start     int // -1 while only spaces and comments were seen
	startLine int
	depth     int // open parentheses
	words     int // words seen in the statement
	trigger   bool
	body      bool // inside BEGIN ... END
	bodyStart bool // at the start of a statement inside the body
	lastWord  string
}

func (s *scanner) scan() ([]statement, error) {
	s.reset()
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch {
		case s.depth == 0 && !s.body && strings.HasPrefix(s.src[s.pos:], s.delim):
			s.emit(s.pos)
			s.advance(len(s.delim))
			s.reset()
		case c == '\n':
			s.line++
			s.pos++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			s.pos++
		case c == '-' && strings.HasPrefix(s.src[s.pos:], "--"):
			s.skipLineComment()
		case c == '/' && strings.HasPrefix(s.src[s.pos:], "/*"):
			if err := s.skipBlockComment(); err != nil {
				return nil, err
			}
		default:
			if err := s.token(); err != nil {
				return nil, err
			}
		}
	}
	switch {
	case s.body:
		return nil, fmt.Errorf("line %d: BEGIN without END", s.startLine)
	case s.depth > 0:
		return nil, fmt.Errorf("line %d: unclosed '('", s.startLine)
	}
	s.emit(len(s.src))
	return s.stmts, nil
}

// token consumes one significant token: a quoted string or identifier, a
// word, a dollar-quoted string or a single character.
func (s *scanner) token() error {
	if s.start < 0 {
		s.start, s.startLine = s.pos, s.line
	}
	c := s.src[s.pos]
	wasBodyStart := s.bodyStart
	s.bodyStart = false
	switch {
	case c == '\'':
		escapes := s.postgres && s.pos > s.start && (s.src[s.pos-1] == 'E' || s.src[s.pos-1] == 'e') &&
			(s.pos-1 == s.start || !isIdent(s.src[s.pos-2]))
		return s.skipQuoted('\'', '\'', escapes)
	case c == '"':
		return s.skipQuoted('"', '"', false)
	case c == '`' && !s.postgres:
		return s.skipQuoted('`', '`', false)
	case c == '[' && !s.postgres:
		return s.skipQuoted('[', ']', false)
	case c == '$' && s.postgres && (s.pos == s.start || !isIdent(s.src[s.pos-1])):
		if tag := dollarTag(s.src[s.pos:]); tag != "" {
			return s.skipDollar(tag)
		}
		s.pos++
	case c == '(':
		s.depth++
		s.pos++
	case c == ')':
		if s.depth == 0 {
			return fmt.Errorf("line %d: unexpected ')'", s.line)
		}
		s.depth--
		s.pos++
	case c == ';' && s.body && s.depth == 0:
		s.bodyStart = true
		s.pos++
	case isIdentStart(c):
		end := s.pos + 1
		for end < len(s.src) && isIdent(s.src[end]) {
			end++
		}
		s.word(strings.ToUpper(s.src[s.pos:end]), wasBodyStart)
		s.pos = end
	default:
		s.pos++
	}
	return nil
}

// word tracks the keywords that open and close a BEGIN ... END body.
func (s *scanner) word(w string, bodyStart bool) {
	s.words++
	prev := s.lastWord
	s.lastWord = w
	if s.delim != ";" || s.depth > 0 {
		return
	}
	switch {
	case s.body:
		if bodyStart && w == "END" {
			s.body = false
		}
	case !s.postgres && s.words <= 4 && w == "TRIGGER" && (s.words == 2 && prev == "CREATE" || s.words == 3 && (prev == "TEMP" || prev == "TEMPORARY")):
		s.trigger = true
	case !s.postgres && s.trigger && w == "BEGIN":
		s.body, s.bodyStart = true, true
	case s.postgres && s.words > 1 && w == "ATOMIC" && prev == "BEGIN":
		s.body, s.bodyStart = true, true
	}
}

func (s *scanner) reset() {
	s.start, s.startLine = -1, 0
	s.depth, s.words = 0, 0
	s.trigger, s.body, s.bodyStart = false, false, false
	s.lastWord = ""
}

func (s *scanner) emit(end int) {
	if s.start < 0 {
		return
	}
	text := strings.TrimSpace(s.src[s.start:end])
	if text != "" {
		s.stmts = append(s.stmts, statement{text: text, line: s.startLine})
	}
}

// advance moves n bytes forward, counting lines.
func (s *scanner) advance(n int) {
	s.line += strings.Count(s.src[s.pos:s.pos+n], "\n")
	s.pos += n
}

func (s *scanner) skipLineComment() {
	i := strings.IndexByte(s.src[s.pos:], '\n')
	if i < 0 {
		s.pos = len(s.src)
		return
	}
	s.pos += i // the newline is counted by the main loop
}

func (s *scanner) skipBlockComment() error {
	line, nesting := s.line, 0
	for i := s.pos; i < len(s.src); {
		switch {
		case strings.HasPrefix(s.src[i:], "/*"):
			nesting++
			i += 2
		case strings.HasPrefix(s.src[i:], "*/"):
			nesting--
			i += 2
			if nesting == 0 {
				s.advance(i - s.pos)
				return nil
			}
		default:
			i++
		}
		if !s.postgres && nesting > 1 {
			nesting = 1 // SQLite block comments do not nest
		}
	}
	return fmt.Errorf("line %d: unclosed block comment", line)
}

// skipQuoted skips a quoted string or identifier. A doubled closing quote is
// read as two adjacent quoted parts, which is the same for splitting.
func (s *scanner) skipQuoted(open, closing byte, backslash bool) error {
	for i := s.pos + 1; i < len(s.src); i++ {
		switch s.src[i] {
		case '\\':
			if backslash {
				i++
			}
		case closing:
			s.advance(i + 1 - s.pos)
			return nil
		}
	}
	return fmt.Errorf("line %d: unclosed quote %c", s.line, open)
}

func (s *scanner) skipDollar(tag string) error {
	i := strings.Index(s.src[s.pos+len(tag):], tag)
	if i < 0 {
		return fmt.Errorf("line %d: unclosed dollar-quoted string %s", s.line, tag)
	}
	s.advance(len(tag) + i + len(tag))
	return nil
}

// dollarTag returns the PostgreSQL dollar-quote opener ($$ or $tag$) at the
// start of s, or "".
func dollarTag(s string) string {
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '$':
			return s[:i+1]
		case c >= '0' && c <= '9':
			if i == 1 {
				return "" // $1 is a parameter
			}
		case !isIdentStart(c):
			return ""
		}
	}
	return ""
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdent(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9' || c == '$'
}
