#!/usr/bin/perl
# pgxn-meta-check.pl - validates a META.json against the PGXN Meta Spec 1.0.0
# (https://pgxn.org/spec/), written from the spec's text: the required and
# optional fields, their structure, and the Term, Tag, Version, Version Range,
# URI, Path and License String formats.  Core Perl only (JSON::PP).
#
#   tools/pgxn-meta-check.pl [--dist DIR] META.json
#       prints "META.json is valid ..." and exits 0, or each error and exits 1;
#       with --dist, every Path in provides (file, docfile) must exist in DIR
#   tools/pgxn-meta-check.pl --self-test META.json
#       TAP: the file is valid, and each of a set of broken copies of it is
#       refused with the expected error (so that the validator is not vacuous)
use strict;
use warnings;
use B ();
use JSON::PP ();

my @LICENSES = qw(agpl_3 apache_1_1 apache_2_0 artistic_1 artistic_2 bsd freebsd gfdl_1_2 gfdl_1_3
  gpl_1 gpl_2 gpl_3 lgpl_2_1 lgpl_3_0 mit mozilla_1_0 mozilla_1_1 openssl perl_5 postgresql qpl_1_0
  ssleay sun zlib open_source restricted unrestricted unknown);
my %LICENSE = map { $_ => 1 } @LICENSES;
my %PHASE = map { $_ => 1 } qw(configure build test runtime develop);
my %RELATION = map { $_ => 1 } qw(requires recommends suggests conflicts);
my %RELEASE_STATUS = map { $_ => 1 } qw(stable testing unstable);

my @errors;
sub err { my ($path, $msg) = @_; push @errors, "$path: $msg"; return 0; }

sub is_number {    # a JSON number (not a string), read before anything stringifies it
  my $f = B::svref_2object(\$_[0])->FLAGS;
  return ($f & (B::SVp_IOK | B::SVp_NOK)) && !($f & B::SVp_POK);
}
sub is_string { return defined $_[0] && !ref $_[0] && !is_number($_[0]); }
sub is_map { return ref $_[0] eq 'HASH'; }
sub is_list { return ref $_[0] eq 'ARRAY'; }
sub custom_key { return $_[0] =~ /^[xX]_/; }

# String: any JSON string; the required ones must not be empty
sub check_string {
  my ($path, $v, $nonempty) = @_;
  return err($path, 'must be a string') unless is_string($v);
  return err($path, 'must not be empty') if $nonempty && $v eq '';
  return 1;
}

# Term: at least two characters, no slash, backslash, control character or space
sub check_term {
  my ($path, $v) = @_;
  return err($path, 'must be a string (a Term)') unless is_string($v);
  return err($path, "\"$v\" is not a Term: at least 2 characters") if length($v) < 2;
  return err($path, "\"$v\" is not a Term: no slash, backslash, control character or space")
    if $v =~ m{[/\\\p{Cc}\s]};
  return 1;
}

# Tag: 1 to 255 characters, no slash, backslash or control character
sub check_tag {
  my ($path, $v) = @_;
  return err($path, 'must be a string (a Tag)') unless is_string($v);
  return err($path, "\"$v\" is not a Tag: 1 to 255 characters") if length($v) < 1 || length($v) > 255;
  return err($path, "\"$v\" is not a Tag: no slash, backslash or control character") if $v =~ m{[/\\\p{Cc}]};
  return 1;
}

# Version: a Semantic Version, MAJOR.MINOR.PATCH without leading zeros, optionally
# followed by a prerelease name (1.0.0-beta1, or as PGXN also reads it, 1.0.0beta1)
my $VERSION_RE = qr/(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)(?:-?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*)?/;
sub check_version {
  my ($path, $v) = @_;
  return err($path, 'must be a string (a Version)') unless is_string($v);
  return err($path, "\"$v\" is not a Semantic Version (MAJOR.MINOR.PATCH, e.g. 1.2.0)") unless $v =~ /^$VERSION_RE$/;
  return 1;
}

# Version Range: 0 (any version), a Version (that version or later), or comparisons
# joined by commas: ">= 1.2.0, != 1.5.0, < 2.0.0"
sub check_version_range {
  my ($path, $v) = @_;
  if (is_number($v)) {
    return $v == 0 && "$v" eq '0' ? 1 : err($path, "the number $v is not a Version Range (only 0 is)");
  }
  return err($path, 'must be a string or 0 (a Version Range)') unless is_string($v);
  return 1 if $v eq '0' || $v =~ /^$VERSION_RE$/;
  for my $part (split /,/, $v, -1) {
    return err($path, "\"$v\" is not a Version Range: \"$part\" is not <op> <version>")
      unless $part =~ /^\s*(?:==|!=|<=|>=|<|>)\s*$VERSION_RE\s*$/;
  }
  return 1;
}

# URI: an absolute URI, scheme first
sub check_uri {
  my ($path, $v) = @_;
  return err($path, 'must be a string (a URI)') unless is_string($v);
  return err($path, "\"$v\" is not an absolute URI") unless $v =~ m{^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$};
  return 1;
}

# Path: relative, Unix separators, inside the distribution
sub check_path {
  my ($path, $v) = @_;
  return err($path, 'must be a string (a Path)') unless is_string($v);
  return err($path, "\"$v\" is not a Path: empty") if $v eq '';
  return err($path, "\"$v\" is not a Path: it must be relative") if $v =~ m{^/} || $v =~ m{^[A-Za-z]:};
  return err($path, "\"$v\" is not a Path: Unix separators (/), not \\") if $v =~ m{\\};
  return err($path, "\"$v\" is not a Path: it leaves the distribution") if grep { $_ eq '..' } split m{/}, $v;
  return 1;
}

# A Map with known keys (checkers) and custom x_/X_ keys; reports missing required ones
sub check_map {
  my ($path, $v, $fields, @required) = @_;
  return err($path, 'must be an object (a Map)') unless is_map($v);
  my $ok = 1;
  for my $k (@required) { $ok = err($path, "required field \"$k\" is missing") unless exists $v->{$k}; }
  for my $k (sort keys %$v) {
    if ($fields->{$k}) { $ok &= $fields->{$k}->("$path.$k", $v->{$k}); }
    elsif (!custom_key($k)) { $ok = err("$path.$k", 'unknown field (custom fields begin with x_ or X_)'); }
  }
  return $ok;
}

sub check_license {
  my ($path, $v) = @_;
  if (is_string($v)) {
    return $LICENSE{$v} ? 1 : err($path, "\"$v\" is not a License String (one of: @LICENSES)");
  }
  if (is_list($v)) {
    return err($path, 'must list at least one license') unless @$v;
    my $ok = 1;
    for my $i (0 .. $#$v) {
      $ok &= is_string($v->[$i]) && $LICENSE{$v->[$i]} ? 1 : err("$path\[$i]", 'is not a License String');
    }
    return $ok;
  }
  if (is_map($v)) {
    return err($path, 'must name at least one license') unless %$v;
    my $ok = 1;
    for my $k (sort keys %$v) { $ok &= check_uri("$path.$k", $v->{$k}); }
    return $ok;
  }
  return err($path, 'must be a License String, a list of them, or a map of license names to URIs');
}

sub check_maintainer {
  my ($path, $v) = @_;
  return check_string($path, $v, 1) if !is_list($v);
  return err($path, 'must list at least one maintainer') unless @$v;
  my $ok = 1;
  $ok &= check_string("$path\[$_]", $v->[$_], 1) for 0 .. $#$v;
  return $ok;
}

sub check_list_of {
  my ($path, $v, $each) = @_;
  return err($path, 'must be an array (a List)') unless is_list($v);
  my $ok = 1;
  $ok &= $each->("$path\[$_]", $v->[$_]) for 0 .. $#$v;
  return $ok;
}

sub check_provides {
  my ($path, $v) = @_;
  return err($path, 'must be an object (a Map) of extension names') unless is_map($v);
  return err($path, 'must provide at least one extension') unless %$v;
  my $ok = 1;
  for my $ext (sort keys %$v) {
    $ok &= check_term("$path.$ext (name)", $ext);
    $ok &= check_map("$path.$ext", $v->{$ext}, {
        file => \&check_path, version => \&check_version, docfile => \&check_path,
        abstract => sub { check_string($_[0], $_[1]) },
      }, qw(file version));
  }
  return $ok;
}

sub check_prereqs {
  my ($path, $v) = @_;
  return err($path, 'must be an object (a Map) of phases') unless is_map($v);
  my $ok = 1;
  for my $phase (sort keys %$v) {
    next if custom_key($phase);
    unless ($PHASE{$phase}) { $ok = err("$path.$phase", 'unknown phase (configure, build, test, runtime, develop)'); next; }
    my $rels = $v->{$phase};
    unless (is_map($rels)) { $ok = err("$path.$phase", 'must be an object (a Map) of relationships'); next; }
    for my $rel (sort keys %$rels) {
      next if custom_key($rel);
      unless ($RELATION{$rel}) {
        $ok = err("$path.$phase.$rel", 'unknown relationship (requires, recommends, suggests, conflicts)'); next;
      }
      my $deps = $rels->{$rel};
      unless (is_map($deps)) { $ok = err("$path.$phase.$rel", 'must be an object (a Map) of prerequisites'); next; }
      for my $name (sort keys %$deps) {
        $ok &= check_term("$path.$phase.$rel.$name (name)", $name);
        $ok &= check_version_range("$path.$phase.$rel.$name", $deps->{$name});
      }
    }
  }
  return $ok;
}

sub check_resources {
  my ($path, $v) = @_;
  return check_map($path, $v, {
      homepage => \&check_uri,
      bugtracker => sub {
        check_map($_[0], $_[1], {
            web => \&check_uri,
            mailto => sub {
              is_string($_[1]) && $_[1] =~ /^[^@\s]+@[^@\s]+$/ ? 1 : err($_[0], 'must be an email address');
            },
          });
      },
      repository => sub {
        check_map($_[0], $_[1], {
            url => \&check_uri, web => \&check_uri,
            type => sub {
              is_string($_[1]) && $_[1] =~ /^[a-z0-9]+$/ ? 1 : err($_[0], 'must be a lower-case word (git, svn, ...)');
            },
          });
      },
    });
}

sub validate {
  my ($meta, $dist) = @_;
  @errors = ();
  check_map('META', $meta, {
      name => \&check_term,
      version => \&check_version,
      abstract => sub { check_string($_[0], $_[1], 1) },
      description => sub { check_string($_[0], $_[1]) },
      generated_by => sub { check_string($_[0], $_[1]) },
      maintainer => \&check_maintainer,
      license => \&check_license,
      provides => \&check_provides,
      prereqs => \&check_prereqs,
      resources => \&check_resources,
      tags => sub { check_list_of($_[0], $_[1], \&check_tag) },
      release_status => sub {
        is_string($_[1]) && $RELEASE_STATUS{$_[1]} ? 1 : err($_[0], 'must be stable, testing or unstable');
      },
      no_index => sub {
        check_map($_[0], $_[1], {
            file => sub { check_list_of($_[0], $_[1], \&check_path) },
            directory => sub { check_list_of($_[0], $_[1], \&check_path) },
          });
      },
      'meta-spec' => sub {
        check_map($_[0], $_[1], {
            version => sub { is_string($_[1]) && $_[1] eq '1.0.0' ? 1 : err($_[0], 'must be "1.0.0" (this validator\'s spec)') },
            url => \&check_uri,
          }, 'version');
      },
    }, qw(name version abstract maintainer license provides meta-spec));
  if (defined $dist && is_map($meta) && is_map($meta->{provides})) {
    for my $ext (sort keys %{ $meta->{provides} }) {
      my $p = $meta->{provides}{$ext};
      next unless is_map($p);
      for my $k (qw(file docfile)) {
        err("META.provides.$ext.$k", "\"$p->{$k}\" is not a file of the distribution")
          if is_string($p->{$k}) && !-f "$dist/$p->{$k}";
      }
    }
  }
  return !@errors;
}

sub load {
  my ($file) = @_;
  open(my $fh, '<:raw', $file) or die "cannot read $file: $!\n";
  local $/;
  my $text = <$fh>;
  return JSON::PP->new->utf8->decode($text);
}

if (@ARGV && $ARGV[0] eq '--self-test') {
  my $file = $ARGV[1] // 'META.json';
  my $n = 0;
  my $tap = sub { my ($ok, $what) = @_; $n++; print +($ok ? 'ok' : 'not ok'), " $n - $what\n"; };
  my $good = load($file);
  $tap->(validate($good), "$file is valid against the PGXN Meta Spec 1.0.0");
  print "#   $_\n" for @errors;
  # Each broken copy must be refused for the reason given.
  my @cases = (
    ['no license', sub { delete $_[0]{license} }, 'required field "license"'],
    ['no provides', sub { delete $_[0]{provides} }, 'required field "provides"'],
    ['no meta-spec', sub { delete $_[0]{'meta-spec'} }, 'required field "meta-spec"'],
    ['version 0.3 (not SemVer)', sub { $_[0]{version} = '0.3' }, 'not a Semantic Version'],
    ['a provided version 0.03.0', sub { (values %{ $_[0]{provides} })[0]{version} = '0.03.0' }, 'not a Semantic Version'],
    ['a provides entry without file', sub { delete +(values %{ $_[0]{provides} })[0]{file} }, 'required field "file"'],
    ['license "PostgreSQL License"', sub { $_[0]{license} = 'PostgreSQL License' }, 'not a License String'],
    ['a license map to a non-URI', sub { $_[0]{license} = { PostgreSQL => 'the licence' } }, 'not an absolute URI'],
    ['a name with a space', sub { $_[0]{name} = 'crm contract' }, 'not a Term'],
    ['a tag with a slash', sub { $_[0]{tags} = ['crm/sla'] }, 'not a Tag'],
    ['an unknown top-level field', sub { $_[0]{homepage} = 'https://example.org/' }, 'unknown field'],
    ['a custom x_ field', sub { $_[0]{x_comment} = 'fine' }, undef],
    ['release_status "beta"', sub { $_[0]{release_status} = 'beta' }, 'stable, testing or unstable'],
    ['prereqs phase "install"', sub { $_[0]{prereqs}{install} = { requires => { PostgreSQL => '15.0.0' } } }, 'unknown phase'],
    ['version range "15"', sub { $_[0]{prereqs}{runtime}{requires}{PostgreSQL} = '15' }, 'not a Version Range'],
    ['version range 1 (a number)', sub { $_[0]{prereqs}{runtime}{requires}{plpgsql} = 1 }, 'not a Version Range'],
    ['an absolute docfile path', sub { (values %{ $_[0]{provides} })[0]{docfile} = '/README.md' }, 'must be relative'],
    ['meta-spec version 2.0.0', sub { $_[0]{'meta-spec'}{version} = '2.0.0' }, 'must be "1.0.0"'],
    ['an empty maintainer list', sub { $_[0]{maintainer} = [] }, 'at least one maintainer'],
  );
  for my $c (@cases) {
    my ($what, $break, $expect) = @$c;
    my $copy = load($file);
    $break->($copy);
    my $valid = validate($copy);
    if (!defined $expect) { $tap->($valid, "META.json with $what is still valid"); print "#   $_\n" for @errors; next; }
    my $hit = grep { index($_, $expect) >= 0 } @errors;
    $tap->(!$valid && $hit, "META.json with $what is refused ($expect)");
    print "#   got: ", (@errors ? join('; ', @errors) : 'valid'), "\n" unless !$valid && $hit;
  }
  exit 0;
}

my $dist;
if (@ARGV >= 2 && $ARGV[0] eq '--dist') { shift; $dist = shift; }
my $file = $ARGV[0] // 'META.json';
my $meta = eval { load($file) };
if (!defined $meta) { print "$file is not valid JSON: $@"; exit 1; }
if (validate($meta, $dist)) { print "$file is valid against the PGXN Meta Spec 1.0.0\n"; exit 0; }
print "$file is not valid against the PGXN Meta Spec 1.0.0:\n";
print "  $_\n" for @errors;
exit 1;
