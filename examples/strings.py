"""String helpers for a small text-processing module. Aurora-X writes the bodies from the docstrings."""


def reverse_words(sentence: str) -> str:
    """Reverse the order of the words in a sentence.

    >>> reverse_words("hello big world")
    'world big hello'
    >>> reverse_words("one")
    'one'
    >>> reverse_words("a b")
    'b a'
    """


def initials(full_name: str) -> str:
    """Return the initials of a full name, in uppercase.

    >>> initials("ada lovelace")
    'AL'
    >>> initials("Grace Brewster Murray hopper")
    'GBMH'
    >>> initials("alan")
    'A'
    """


def count_vowels(text: str) -> int:
    """Count the vowels in a lowercase text.

    >>> count_vowels("banana")
    3
    >>> count_vowels("rhythm")
    0
    >>> count_vowels("queueing")
    5
    """


def slugify(title: str) -> str:
    """Make a URL slug: lowercase the title and replace spaces with hyphens.

    >>> slugify("Hello World")
    'hello-world'
    >>> slugify("Aurora X Rocks")
    'aurora-x-rocks'
    >>> slugify("simple")
    'simple'
    """


def is_palindrome(word: str) -> bool:
    """Check whether a word reads the same backwards.

    >>> is_palindrome("level")
    True
    >>> is_palindrome("aurora")
    False
    >>> is_palindrome("noon")
    True
    >>> is_palindrome("ab")
    False
    """
