#!/usr/bin/env python3
"""Rewrites generated summaries into other shapes of the same table, for bench/shapes.sh.

    shapes.py SRC_DIR OUT_DIR

For every *Summary.java under SRC_DIR (as paramcheck generated them) writes OUT_DIR/<shape>/...
with the same relative path, for each shape:

  as-generated  the file unchanged: the table as one string literal, box characters as \\u escapes
  raw-utf8      the same with every \\u escape written as the character itself (needs -encoding UTF-8)
  folded        table() returns a compile-time constant built from final String locals that double
                (a run of 37 box characters is h32 + h4 + h1), and each repeated line held once:
                the shortest source that still compiles to one ldc of the same string
  no-table      table() returns "": what the table costs javac, by difference
  no-javadoc    as generated without its Javadoc comments
  constants     only the package, the class and its constants: no Javadoc, @Generated, constructor
                or table()
  empty         the package and an empty public final class: what the floor processor writes

and checks, for folded, that the expression is the same text (by evaluating it here).
"""
import os
import re
import sys

ESCAPE = re.compile(r'\\u([0-9a-fA-F]{4})|\\(.)')
SIMPLE = {'n': '\n', 't': '\t', '"': '"', "'": "'", '\\': '\\', 'r': '\r', 'b': '\b', 'f': '\f'}


def unescape(body):
    return ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else SIMPLE[m.group(2)], body)


def literal(text):
    out = []
    for ch in text:
        if ch == '\n':
            out.append('\\n')
        elif ch == '"':
            out.append('\\"')
        elif ch == '\\':
            out.append('\\\\')
        elif ord(ch) < 0x20 or ord(ch) > 0x7e:
            out.append('\\u%04x' % ord(ch))
        else:
            out.append(ch)
    return '"' + ''.join(out) + '"'


TABLE = re.compile(r'(  public static String table\(\) \{\n)(    return .*?;\n)(  \})', re.S)
PIECE = re.compile(r'"((?:[^"\\]|\\.)*)"')


def table_text(statement):
    return ''.join(unescape(p) for p in PIECE.findall(statement))


def folded(text):
    """Java statements and an expression whose constant value is text."""
    box = sorted({ch for ch in text if 0x2500 <= ord(ch) <= 0x257f})
    names = {ch: 'c%d' % i for i, ch in enumerate(box)}
    locals_ = []
    declared = set()

    def power(ch, p):
        name = '%s_%d' % (names[ch], p)
        if name not in declared:
            if p == 1:
                locals_.append('final String %s = %s;' % (name, literal(ch)))
            else:
                power(ch, p // 2)
                half = '%s_%d' % (names[ch], p // 2)
                locals_.append('final String %s = %s + %s;' % (name, half, half))
            declared.add(name)
        return name

    def run(ch, n):
        parts = []
        p = 1
        while p * 2 <= n:
            p *= 2
        while n:
            if p <= n:
                parts.append(power(ch, p))
                n -= p
            p //= 2
        return parts

    def line_expr(line):
        parts, plain, i = [], '', 0
        while i < len(line):
            ch = line[i]
            j = i
            while j < len(line) and line[j] == ch:
                j += 1
            if ch in names and j - i >= 4:
                if plain:
                    parts.append(literal(plain))
                    plain = ''
                parts.extend(run(ch, j - i))
            else:
                plain += line[i:j]
            i = j
        if plain:
            parts.append(literal(plain))
        return ' + '.join(parts) if parts else '""'

    lines = text.splitlines(keepends=True)
    counts = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    shared = {}
    exprs = []
    for line in lines:
        if counts[line] > 1:
            if line not in shared:
                shared[line] = 'l%d' % len(shared)
                locals_.append('final String %s = %s;' % (shared[line], line_expr(line)))
            exprs.append(shared[line])
        else:
            exprs.append(line_expr(line))
    return locals_, exprs


def evaluate(locals_, exprs):
    env = {}

    def value(expr):
        total = ''
        for part in re.findall(r'"(?:[^"\\]|\\.)*"|\w+', expr):
            total += unescape(part[1:-1]) if part.startswith('"') else env[part]
        return total

    for decl in locals_:
        name, expr = re.match(r'final String (\w+) = (.*);$', decl).groups()
        env[name] = value(expr)
    return ''.join(value(e) for e in exprs)


def rewrite(source, shape):
    if shape == 'empty':
        package = re.search(r'^package [\w.]+;\n', source, re.M).group(0)
        name = re.search(r'public final class (\w+)', source).group(1)
        return package + '\npublic final class %s {\n}\n' % name
    if shape == 'no-javadoc':
        return re.sub(r'^ */\*\*.*?\*/\n', '', source, flags=re.M | re.S)
    if shape == 'constants':
        package = re.search(r'^package [\w.]+;\n', source, re.M).group(0)
        name = re.search(r'public final class (\w+)', source).group(1)
        fields = re.search(r'^  public static final long .*?;\n', source, re.M | re.S).group(0)
        return package + '\npublic final class %s {\n%s}\n' % (name, fields)
    match = TABLE.search(source)
    if shape == 'as-generated' or match is None:
        return source
    if shape == 'raw-utf8':
        return re.sub(r'\\u([0-9a-fA-F]{4})', lambda m: chr(int(m.group(1), 16)), source)
    if shape == 'no-table':
        body = '    return "";\n'
    else:
        text = table_text(match.group(2))
        locals_, exprs = folded(text)
        if evaluate(locals_, exprs) != text:
            raise SystemExit('folded table differs from the original')
        body = ''.join('    %s\n' % d for d in locals_)
        body += '    return ' + '\n        + '.join(exprs) + ';\n'
    return source[:match.start(2)] + body + source[match.end(2):]


SHAPES = ['as-generated', 'raw-utf8', 'folded', 'no-table', 'no-javadoc', 'constants', 'empty']


def main(src, out):
    for root, _, files in os.walk(src):
        for name in files:
            if not name.endswith('Summary.java'):
                continue
            path = os.path.join(root, name)
            with open(path, encoding='utf-8') as f:
                source = f.read()
            for shape in SHAPES:
                target = os.path.join(out, shape, os.path.relpath(path, src))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, 'w', encoding='utf-8') as f:
                    f.write(rewrite(source, shape))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
