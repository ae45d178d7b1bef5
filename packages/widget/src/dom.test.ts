import { expect } from '@open-wc/testing';
import { h, setText, show } from './dom.js';

describe('dom helpers', () => {
  describe('h', () => {
    it('creates an element with its attributes and children, text included', () => {
      const el = h('span', { part: 'label', 'aria-hidden': 'true' }, h('slot'), 'Pay');
      expect(el.outerHTML).to.equal(
        '<span part="label" aria-hidden="true"><slot></slot>Pay</span>',
      );
    });

    it('creates a bare element without attributes or children', () => {
      expect(h('slot').outerHTML).to.equal('<slot></slot>');
    });
  });

  describe('setText', () => {
    it('changes the text', () => {
      const text = new Text('a');
      setText(text, 'b');
      expect(text.data).to.equal('b');
    });

    it('leaves the same text untouched, so live regions stay quiet', () => {
      const parent = h('div', {}, 'same');
      const text = parent.firstChild as Text;
      const observer = new MutationObserver(() => {});
      observer.observe(parent, { characterData: true, subtree: true });
      setText(text, 'same');
      expect(observer.takeRecords()).to.deep.equal([]);
      observer.disconnect();
    });
  });

  describe('show', () => {
    it('appends a child when shown and removes it when not', () => {
      const parent = h('div', {}, h('b'));
      const child = h('i');
      show(parent, child, true);
      expect(parent.innerHTML).to.equal('<b></b><i></i>');
      show(parent, child, true);
      expect(parent.childElementCount).to.equal(2);
      show(parent, child, false);
      expect(parent.innerHTML).to.equal('<b></b>');
    });

    it('puts the child first with first', () => {
      const parent = h('div', {}, h('b'));
      show(parent, h('i'), true, true);
      expect(parent.innerHTML).to.equal('<i></i><b></b>');
    });
  });
});
